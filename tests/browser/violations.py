"""Content-Security-Policy violations as a page sees them: an init script (runs before the page's own scripts, on every
page a context opens) records each `securitypolicyviolation` in window.__violations; VIOLATIONS reads them back."""

from __future__ import annotations

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  {directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile}));
"""
VIOLATIONS = "() => window.__violations"
