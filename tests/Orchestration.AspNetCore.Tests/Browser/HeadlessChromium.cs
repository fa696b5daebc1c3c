using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Orchestration.AspNetCore.Tests.Browser;

/// <summary>Debian's headless Chromium driven through its chromedriver (both installed by eng/browser.sh): a missing
/// browser fails the test with the command that installs it, never skips it.</summary>
internal static class HeadlessChromium
{
    private const string Browser = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    public static ChromeDriver Start()
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            throw new InvalidOperationException($"Headless Chromium is missing ({Browser}, {Driver}); run `bash eng/browser.sh` (apt-get install chromium chromium-driver).");
        }

        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1600,1250", "--force-device-scale-factor=1");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, with a deadline; the failure says what was awaited
    /// and shows the page's notice and connection state.</summary>
    public static async Task UntilAsync(this IWebDriver driver, Func<IWebDriver, bool> condition, string what, double seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                if (condition(driver))
                {
                    return;
                }
            }
            catch (WebDriverException) when (DateTime.UtcNow < deadline)
            {
                // An element replaced between find and read; look again.
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Not within {seconds} s: {what}. Page: connection '{Text(driver, "#connection")}', notice '{Text(driver, "#notice")}'.");
            }

            await Task.Delay(100);
        }
    }

    public static string Text(this IWebDriver driver, string css)
        => driver.FindElements(By.CssSelector(css)) is [var first, ..] ? first.Text : string.Empty;

    public static void SignInAs(this IWebDriver driver, Uri server, string user)
    {
        driver.Navigate().GoToUrl(new Uri(server, "/healthz"));
        driver.Manage().Cookies.DeleteAllCookies();
        driver.Manage().Cookies.AddCookie(new Cookie(Support.TestUsers.Cookie, Uri.EscapeDataString(user), "/"));
        driver.Navigate().GoToUrl(new Uri(server, "/orchestration"));
    }
}
