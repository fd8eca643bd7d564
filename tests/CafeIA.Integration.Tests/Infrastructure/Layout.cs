using Microsoft.Playwright;

namespace CafeIA.Integration.Tests.Infrastructure;

/// <summary>
/// Layout promises checked in the page itself (not only looked at): no scrolling, nothing outside
/// the viewport or cut off, nothing fixed over the content, tap targets large enough.
/// </summary>
internal static class Layout
{
    /// <summary>
    /// Everything that breaks "fits the screen": the page scrolls either way; a visible element
    /// lies outside the viewport; a box that hides its overflow holds more than it shows (text
    /// cut off). Screen-reader-only text is skipped.
    /// </summary>
    public static async Task<List<string>> FitProblems(IPage page) =>
        [.. await page.EvaluateAsync<string[]>("""
            () => {
              const w = innerWidth, h = innerHeight, root = document.documentElement, problems = [];
              const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
              if (root.scrollHeight > h + 1) problems.push(`page scrolls vertically: ${root.scrollHeight} > ${h}`);
              if (root.scrollWidth > w + 1) problems.push(`page scrolls horizontally: ${root.scrollWidth} > ${w}`);
              for (const el of document.body.querySelectorAll('*')) {
                if (el.closest('.sr-only, [hidden], .dialog-backdrop')) continue;
                const style = getComputedStyle(el);
                if (style.display === 'none' || style.visibility === 'hidden') continue;
                const r = el.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue;
                if (r.left < -1 || r.top < -1 || r.right > w + 1 || r.bottom > h + 1)
                  problems.push(`outside the viewport: ${name(el)} [${Math.round(r.left)},${Math.round(r.top)} – ${Math.round(r.right)},${Math.round(r.bottom)}] "${(el.textContent ?? '').slice(0, 40)}"`);
                const hides = ['hidden', 'clip'].includes(style.overflowY) || ['hidden', 'clip'].includes(style.overflowX);
                if (hides && !el.classList.contains('bar') && (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2))
                  problems.push(`cut off: ${name(el)} holds ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
              }
              return problems.slice(0, 20);
            }
            """)];

    /// <summary>
    /// Header titles narrower than their longest word, whose words the browser must then cut
    /// ("Journ / ée…" on a phone beside the header's tools).
    /// </summary>
    public static async Task<List<string>> CutWords(IPage page) =>
        [.. await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.app-header .title')].flatMap((title) => {
              const probe = title.cloneNode(true);
              // Its words unbroken: the widest of them is what the title needs.
              probe.style.cssText = 'position:absolute;visibility:hidden;width:min-content;display:block;-webkit-line-clamp:unset;overflow-wrap:normal;word-break:normal';
              title.parentElement.append(probe);
              const longestWord = probe.getBoundingClientRect().width;
              probe.remove();
              const width = title.getBoundingClientRect().width;
              return width + 0.5 < longestWord ? [`"${title.textContent}" is ${Math.round(width)} px wide, its longest word ${Math.round(longestWord)} px`] : [];
            })
            """)];

    /// <summary>Polls <see cref="FitProblems"/> until there are none (the views shrink to fit after drawing) or the deadline passes.</summary>
    public static async Task<List<string>> FitProblemsSettled(IPage page, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(3));
        while (true)
        {
            var problems = await FitProblems(page);
            if (problems.Count == 0 || DateTime.UtcNow > deadline)
            {
                return problems;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Fixed or sticky elements that overlap the first interactive element of the content.</summary>
    public static async Task<List<string>> FixedOverContent(IPage page) =>
        [.. await page.EvaluateAsync<string[]>("""
            () => {
              const interactive = [...document.querySelectorAll('main button, main a[href], main input, main select, main textarea, main [tabindex="0"]')]
                .find((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && !el.closest('.sr-only'); });
              if (!interactive) return ['no interactive element in main'];
              const target = interactive.getBoundingClientRect();
              const problems = [];
              for (const el of document.querySelectorAll('body *')) {
                const position = getComputedStyle(el).position;
                if (position !== 'fixed' && position !== 'sticky') continue;
                if (el.contains(interactive)) continue;
                const r = el.getBoundingClientRect();
                const overlaps = r.left < target.right && r.right > target.left && r.top < target.bottom && r.bottom > target.top;
                if (overlaps) problems.push(`${el.tagName.toLowerCase()}.${el.className} (${position}) covers ${interactive.tagName.toLowerCase()}#${interactive.id}`);
              }
              return problems;
            }
            """)];

    /// <summary>
    /// Visible controls smaller than <paramref name="min"/> CSS px either way. A radio or a
    /// checkbox counts with its label, which is what a finger taps.
    /// </summary>
    public static async Task<List<string>> SmallTargets(IPage page, int min = 44) =>
        [.. await page.EvaluateAsync<string[]>("""
            (min) => {
              const problems = [];
              for (const el of document.querySelectorAll('button, a.btn, input, select, textarea, summary, [role=tab], label.choice')) {
                if (el.closest('.sr-only, [hidden]')) continue;
                const style = getComputedStyle(el);
                if (style.display === 'none' || style.visibility === 'hidden') continue;
                const box = (el.matches('input[type=radio], input[type=checkbox]') && el.closest('label')) || el;
                const r = box.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) continue;
                if (r.width < min - 0.5 || r.height < min - 0.5)
                  problems.push(`${box.tagName.toLowerCase()}${box.id ? '#' + box.id : ''} "${(box.textContent || box.getAttribute('aria-label') || '').trim().slice(0, 30)}" is ${Math.round(r.width)}×${Math.round(r.height)}`);
              }
              return problems;
            }
            """, min)];

    /// <summary>
    /// A page at each of <paramref name="screens"/>: no sideways scroll, nothing fixed over the
    /// content, targets of 44 px, and a full-page screenshot named after <paramref name="state"/>
    /// and the screen, taken from the top (scrolled down, it draws a sticky header mid-page).
    /// The page is left at the first size.
    /// </summary>
    public static async Task<List<string>> AtEachSize(IPage page, string state, IReadOnlyList<(string Name, int Width, int Height)> screens)
    {
        var problems = new List<string>();
        foreach (var (screen, width, height) in screens)
        {
            await page.SetViewportSizeAsync(width, height);
            var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, innerWidth]");
            if (widths[0] > widths[1])
            {
                problems.Add($"{state} ({screen}): scrolls sideways, {widths[0]} > {widths[1]}");
            }
            problems.AddRange((await FixedOverContent(page)).Select(p => $"{state} ({screen}): {p}"));
            problems.AddRange((await SmallTargets(page)).Select(p => $"{state} ({screen}): small target {p}"));
            await page.EvaluateAsync("() => scrollTo(0, 0)");
            await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"{state}-{screen}.png"), FullPage = true });
        }
        await page.SetViewportSizeAsync(screens[0].Width, screens[0].Height);
        return problems;
    }
}
