/* mkdocs-material 9.8.1's anchor script (the last script of partials/javascripts/content.html) unchanged, served as a
   file so that no page runs inline script (arkiv.site.policy): an address whose #anchor names a tab opens that tab. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
