using PreviewSdk.EndToEnd.Tests.Workspaces;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace PreviewSdk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real browser: Debian's headless Chromium driven through its chromedriver. Where <see cref="Browser"/> fetches
/// what a server sends, this runs the page's scripts, as the people a link is shared with do.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string DriverDirectory = "/usr/bin";
    private readonly ChromeDriver driver;
    private readonly TempFolder profile = new("chromium-profile-");

    public HeadlessChromium()
    {
        Assert.IsTrue(File.Exists(ChromiumPath) && File.Exists(Path.Combine(DriverDirectory, "chromedriver")),
            "Chromium and chromedriver are needed (apt-get install chromium chromium-driver); .ci/run installs them.");
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        // Without the networking switches Chromium keeps calling Google's hosts, which this closed network refuses.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1400,900", $"--user-data-dir={profile.Root}");
        var service = ChromeDriverService.CreateDefaultService(DriverDirectory, "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>Opens <paramref name="url"/> and waits until the rendered page's text holds every one of <paramref name="texts"/>.</summary>
    /// <returns>The rendered text of the page.</returns>
    public string OpenAndWaitFor(string url, IReadOnlyCollection<string> texts, TimeSpan timeout)
    {
        driver.Navigate().GoToUrl(url);
        return WaitFor(texts, timeout);
    }

    private string WaitFor(IReadOnlyCollection<string> texts, TimeSpan timeout)
    {
        var wait = new WebDriverWait(driver, timeout) { PollingInterval = TimeSpan.FromMilliseconds(250) };
        try
        {
            wait.Until(current => texts.All(RenderedText(current).Contains));
        }
        catch (WebDriverTimeoutException)
        {
            var rendered = RenderedText(driver);
            Assert.Fail($"After {timeout.TotalSeconds:0} s the page {driver.Url} still lacks {string.Join(", ", texts.Where(text => !rendered.Contains(text)))}. It shows:\n{rendered}");
        }

        return RenderedText(driver);
    }

    /// <summary>Follows the link whose text is <paramref name="linkText"/> and waits until the new page holds every one of <paramref name="texts"/>.</summary>
    public string ClickAndWaitFor(string linkText, IReadOnlyCollection<string> texts, TimeSpan timeout)
    {
        driver.FindElement(By.LinkText(linkText)).Click();
        return WaitFor(texts, timeout);
    }

    /// <summary>The address the browser ended on (after redirects).</summary>
    public string CurrentUrl => driver.Url;

    /// <summary>Saves what the browser shows, for a person to look at when a test fails.</summary>
    public void SaveScreenshot(string path) => driver.GetScreenshot().SaveAsFile(path);

    public void Dispose()
    {
        driver.Quit();
        driver.Dispose();
        profile.Dispose();
    }

    private static string RenderedText(IWebDriver current) => current.FindElement(By.TagName("body")).Text;
}
