using Xunit.Abstractions;
using Xunit.Sdk;

namespace FootDrop.Bot.Tests.Browser;

/// <summary>
/// A fact that needs Debian's Chromium. Without it the test is reported as skipped, with the reason, on a developer's
/// machine, and runs (and fails) under CI=true, so CI never passes by skipping.
/// </summary>
[XunitTestCaseDiscoverer("FootDrop.Bot.Tests.Browser.BrowserFactDiscoverer", "FootDrop.Bot.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why browser tests skip here, or null when they run (always under CI).</summary>
    public static string? SkipReason => !File.Exists(ChromiumPath) && !InCi
        ? $"Chromium is missing at {ChromiumPath}: run `bash .ci/chromium.sh` (Debian's package) to install it."
        : null;
}

public sealed class BrowserFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        // A browser test that also needs PostgreSQL skips (outside CI) for either reason.
        var needsPostgres = testMethod.Method.GetCustomAttributes(typeof(Storage.Support.RequiresPostgresAttribute)).Any()
            || testMethod.TestClass.Class.GetCustomAttributes(typeof(Storage.Support.RequiresPostgresAttribute)).Any();
        if ((BrowserFactAttribute.SkipReason ?? (needsPostgres ? Storage.Support.TestPostgres.SkipReason : null)) is { } reason)
        {
            return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason)];
        }

        return [new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)];
    }
}
