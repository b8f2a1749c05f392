"""Screens rendered by a real browser: Debian's Chromium driven by Playwright, gold boxes from the DOM.

Nothing is downloaded: Playwright is pointed at /usr/bin/chromium (never `playwright install`), and
pages use only fonts Debian ships.
"""
from __future__ import annotations

import shutil
from types import TracebackType

from playwright.sync_api import Browser, Playwright, sync_playwright

from evaluation.generated.records import Screen

CHROMIUM = "/usr/bin/chromium"
_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--font-render-hinting=none"]
# Every element marked as a gold value, with its box in CSS pixels.
_BOXES_JS = """() => Array.from(document.querySelectorAll('[data-pii]')).map(e => {
  const r = e.getBoundingClientRect();
  return {label: e.dataset.pii, region: e.dataset.region, value: e.textContent,
          box: [r.left, r.top, r.right, r.bottom]};
})"""


class ChromiumUnavailable(RuntimeError):
    """Debian's chromium package is not installed."""


class Renderer:
    """One headless Chromium for many screens; use as a context manager."""

    def __init__(self, executable: str = CHROMIUM):
        if not shutil.which(executable):
            raise ChromiumUnavailable(f"{executable} not found (Debian package chromium; `make install` adds it)")
        self._executable = executable
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None

    def __enter__(self) -> "Renderer":
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=self._executable, args=_ARGS)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._browser:
            self._browser.close()
        if self._playwright:
            self._playwright.stop()

    def render(self, screen: Screen, scale: int) -> tuple[bytes, list[dict]]:
        """PNG of the viewport at `scale` device pixels per CSS pixel, and the gold boxes in device
        pixels of every marked value wholly inside the viewport (a value scrolled out is not on screen)."""
        assert self._browser is not None, "use Renderer as a context manager"
        context = self._browser.new_context(viewport={"width": screen.width, "height": screen.height},
                                            device_scale_factor=scale)
        try:
            page = context.new_page()
            page.set_content(screen.html, wait_until="load")
            boxes = page.evaluate(_BOXES_JS)
            png = page.screenshot(type="png", animations="disabled", caret="hide")
        finally:
            context.close()
        inside = [b for b in boxes if b["box"][2] > b["box"][0] and b["box"][3] > b["box"][1]
                  and b["box"][0] >= 0 and b["box"][1] >= 0
                  and b["box"][2] <= screen.width and b["box"][3] <= screen.height]
        for b in inside:
            b["box"] = [round(v * scale, 2) for v in b["box"]]
        return png, inside
