/**
 * @module The one static script of every page, served from /assets/app.js (the CSP allows no inline script).
 * Only enhancements: the host picker's name filter and print buttons. Every page works without it: a print
 * button is a `<button type="button" data-print hidden>` that this script shows and wires to
 * `window.print()`; without JavaScript it stays hidden and the browser's own print works as before.
 */
export const APP_JS = `(function(){
  document.querySelectorAll("[data-picker-filter]").forEach(function(input){
    var list = document.getElementById(input.getAttribute("aria-controls"));
    if (!list) return;
    input.hidden = false;
    if (input.labels) input.labels.forEach(function(l){ l.hidden = false; });
    input.addEventListener("input", function(){
      var q = input.value.trim().toLowerCase();
      list.querySelectorAll("li").forEach(function(li){
        var box = li.querySelector("input");
        li.hidden = q !== "" && li.textContent.toLowerCase().indexOf(q) < 0 && !(box && box.checked);
      });
    });
  });
  document.querySelectorAll("button[data-print]").forEach(function(b){
    b.hidden = false;
    b.addEventListener("click", function(){ window.print(); });
  });
})();
`;
