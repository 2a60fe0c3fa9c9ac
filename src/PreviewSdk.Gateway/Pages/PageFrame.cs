using System.Text;
using System.Text.Encodings.Web;

namespace PreviewSdk.Gateway.Pages;

/// <summary>
/// The frame of the gateway's pages: one small server-rendered HTML document with landmarks, no script, readable on
/// a phone (fluid width, system fonts) and with colours that keep a 4.5:1 contrast in light and dark schemes.
/// </summary>
internal static class PageFrame
{
    private const string Style = """
        :root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--muted:#4a4a4a;--line:#c8c8c8;--link:#0645ad;--ok:#0a6b2d;--bad:#a4111b;--warn:#7a4b00}
        @media (prefers-color-scheme:dark){:root{--fg:#ececec;--bg:#161616;--muted:#bdbdbd;--line:#4a4a4a;--link:#8ab4ff;--ok:#7ee2a0;--bad:#ff9ea5;--warn:#ffd27a}}
        body{font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:56rem;padding:1rem}
        a{color:var(--link)}h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.15rem;margin-top:1.5rem}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:anywhere}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}
        .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
        .ok{color:var(--ok)}.bad{color:var(--bad)}.warn{color:var(--warn)}footer{color:var(--muted);margin-top:2rem;font-size:.9rem}
        label{display:block;margin:.5rem 0 .25rem}input[type=password]{font:inherit;width:100%;max-width:30rem;padding:.4rem}button{font:inherit;padding:.4rem 1rem;margin-top:.5rem}
        """;

    /// <summary>An HTML document titled <paramref name="title"/> around <paramref name="main"/> (already encoded HTML).</summary>
    public static string Render(string title, string main, string footer)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<meta name=\"robots\" content=\"noindex, nofollow\">\n");
        html.Append("<meta name=\"referrer\" content=\"no-referrer\">\n");
        html.Append("<title>").Append(Encode(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append(main);
        html.Append("<footer role=\"contentinfo\">").Append(footer).Append("</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Encodes text for HTML content and attribute values.</summary>
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);
}
