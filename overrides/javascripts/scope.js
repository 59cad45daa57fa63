/* mkdocs-material 9.8.1's start script (partials/javascripts/base.html), served as a file so that no page runs inline
   script (arkiv.site.policy). Two changes (tests/unit/test_page_policy.py compares it with the installed theme):
   the scope is the folder above this file, the site's root, where the theme writes the page's relative base_url,
   so one file serves every page at any depth; and `__palette` is only stored once the visitor has switched the
   palette (a change of an input named __palette) or a choice is already stored, so a visitor who never touches the
   switch leaves nothing in the browser. */
__md_scope=new URL("..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_chosen=!1,document.addEventListener("change",e=>{"__palette"===e.target.name&&(__md_chosen=!0)},!0),__md_set=(e,_,t=localStorage,a=__md_scope)=>{if("__palette"===e&&!__md_chosen&&null===t.getItem(a.pathname+"."+e))return;try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
