"""Strip paywall prompts, consent walls and page chrome from HTML and keep the content.

>>> import stripwall
>>> page = "<nav><a href='/'>Home</a></nav><article><h1>Port reopens</h1><p>The port reopened.</p></article>"
>>> stripwall.clean(page).text
'Port reopens\\nThe port reopened.\\n'
>>> cleaner = stripwall.Cleaner(mode="reader")      # build once, use from any thread
>>> cleaner.clean(page.encode(), url="https://example.com/port").title
'Port reopens'
"""

from ._stripwall import Cleaned, Cleaner, __version__, clean

__all__ = ["Cleaned", "Cleaner", "clean", "__version__"]
