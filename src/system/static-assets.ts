/**
 * @module The favicon every layout uses: an SVG, also answered at /favicon.ico, which browsers ask for on
 * their own, so no page view ends in a 404. (Print buttons are wired by /assets/app.js, views/app-script.ts.)
 */

export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#0b5cad"/><path d="M43 20c-2.5-3-6.4-4.5-11-4.5-7 0-12 3.8-12 9.5 0 5.3 4 7.7 10.6 9.1 5 1.1 6.9 2 6.9 4.2 0 2.3-2.3 3.8-6.1 3.8-3.9 0-7.1-1.6-9.4-4.3L17.5 44c3 3.6 7.8 5.6 13.8 5.6 7.9 0 13-4 13-10 0-5.5-3.9-7.8-10.8-9.3-4.8-1-6.6-1.9-6.6-3.9 0-2 2-3.3 5.2-3.3 3 0 5.5 1.1 7.3 3z" fill="#fff"/></svg>`;
