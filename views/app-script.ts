/**
 * @module The one static script of every page, served from /assets/app.js (the CSP allows no inline script).
 * Only enhancements: the host picker's name filter, copy buttons and print buttons. Every page works
 * without it: a copy or print button is `hidden` until this script shows and wires it (print: to
 * `window.print()`); without JavaScript the link stays selectable and the browser's own print works.
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
  document.querySelectorAll("button[data-copy]").forEach(function(b){
    var field = document.getElementById(b.getAttribute("data-copy"));
    if (!field || !navigator.clipboard) return;
    b.hidden = false;
    b.addEventListener("click", function(){
      navigator.clipboard.writeText(field.value || field.textContent || "").then(function(){
        var label = b.querySelector("[data-copy-label]"), done = b.querySelector("[data-copy-done]");
        if (label && done) { label.hidden = true; done.hidden = false; }
      }, function(){ field.select(); });
    });
  });
  document.querySelectorAll("button[data-print]").forEach(function(b){
    b.hidden = false;
    b.addEventListener("click", function(){ window.print(); });
  });
})();
`;
