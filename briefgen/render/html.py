"""HTML: the theme's brief.html.j2 rendered with the template context (also the input of the PDF)."""

from __future__ import annotations

from briefgen.config import Config
from briefgen.model import Brief
from briefgen.render.context import template_context
from briefgen.themes import make_environment, render_template, theme_dirs

HTML_TEMPLATE = "brief.html.j2"


def render_html(brief: Brief, config: Config) -> str:
    """The brief as one self-contained HTML document (CSS inlined, logo embedded)."""
    env = make_environment(theme_dirs(config), sandboxed=True)
    return render_template(env, HTML_TEMPLATE, template_context(brief, config))
