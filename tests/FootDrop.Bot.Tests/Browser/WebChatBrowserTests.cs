using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FootDrop.Bot.Tests.Browser;

/// <summary>
/// The web widget in a real browser: Debian's Chromium, driven by Playwright, against the bot on 127.0.0.1.
/// Chromium must be installed (.ci/chromium.sh); without it the tests are reported as skipped, and under CI=true they fail.
/// </summary>
public sealed class WebChatBrowserTests : IAsyncLifetime
{
    private const string ChromiumPath = BrowserFactAttribute.ChromiumPath;
    private BotApp _bot = null!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _bot = new BotApp();
        if (BrowserFactAttribute.SkipReason is not null)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _bot.Dispose();
    }

    [BrowserFact]
    public async Task A_patient_chats_through_the_widget_from_welcome_to_exercise_to_seek_care()
    {
        Assert.NotNull(_browser);

        var page = await _browser.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        // Anything the page's Content-Security-Policy blocks is recorded, so the policy is known to fit Web Chat.
        await page.AddInitScriptAsync("""
            window.cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' from ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber));
            """);
        await page.GotoAsync(_bot.BaseAddress.ToString());

        // The page names the bot and says what it is not.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "FootDrop.Bot" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#disclaimer")).ToContainTextAsync("not a diagnosis");

        // The welcome and the menu as suggested actions (Web Chat renders apostrophes typographically, so none are matched).
        await Assertions.Expect(page.GetByText("I can explain foot drop").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await ClickSuggestedAsync(page, "Exercises");
        await Assertions.Expect(page.GetByText("Which exercise would you like to do?").Last).ToBeVisibleAsync();

        // A first session: the side, then the symptom check, then the exercise steps.
        await ClickSuggestedAsync(page, "Toe lifts");
        await ClickSuggestedAsync(page, "Left");
        foreach (var answer in new[] { "no", "no", "slowly over months", "no", "no", "no", "no", "no" })
        {
            await SayAsync(page, answer);
        }

        await Assertions.Expect(page.GetByText("Getting ready (1 of 1)").Last).ToBeVisibleAsync();
        await ClickSuggestedAsync(page, "Next");
        await Assertions.Expect(page.GetByText("Set 1 of 3, rep 1 of 10").Last).ToBeVisibleAsync();
        await ClickSuggestedAsync(page, "Next");
        await Assertions.Expect(page.GetByText("Hold your toes up for 2 to 3 seconds").Last).ToBeVisibleAsync();

        // A red flag typed mid-exercise: the emergency signs are checked with one question, then it goes to care.
        await SayAsync(page, "my foot suddenly went numb this morning");
        await Assertions.Expect(page.GetByText("one safety question").Last).ToBeVisibleAsync();
        await ClickSuggestedAsync(page, "No");
        await Assertions.Expect(page.GetByText("Please see a doctor today").Last).ToBeVisibleAsync();

        Directory.CreateDirectory(ArtifactsDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsDirectory, "webchat-seek-care.png"), FullPage = true });

        // All of it ran under the page's Content-Security-Policy without anything blocked.
        var violations = await page.EvaluateAsync<string[]>("window.cspViolations");
        Assert.True(violations.Length == 0, string.Join("\n", violations));
        Assert.DoesNotContain(consoleErrors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    private static string ArtifactsDirectory => Path.Combine(Environment.GetEnvironmentVariable("TEST_RESULTS_DIR") ?? Path.Combine(AppContext.BaseDirectory, "TestResults"), "screenshots");

    private static Task ClickSuggestedAsync(IPage page, string name)
        => page.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" }).GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();

    private static async Task SayAsync(IPage page, string text)
    {
        var before = await page.Locator("[role=listitem], .webchat__basic-transcript__activity").CountAsync();
        var box = page.GetByRole(AriaRole.Textbox).Last;
        await box.FillAsync(text);
        await box.PressAsync("Enter");

        // Wait for the bot's answer to appear before the next message.
        await page.WaitForFunctionAsync(
            "count => document.querySelectorAll('[role=listitem], .webchat__basic-transcript__activity').length >= count + 2",
            before,
            new() { Timeout = 20_000 });
    }
}
