using Xunit.Abstractions;
using Xunit.Sdk;

namespace FootDrop.Bot.Tests.Storage.Support;

/// <summary>Marks a test class whose tests need PostgreSQL (see <see cref="TestPostgres"/>), or one browser test that does.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequiresPostgresAttribute : Attribute;

/// <summary>
/// A fact that may live in a base class shared by every storage provider. In a class marked
/// <see cref="RequiresPostgresAttribute"/> it skips when no PostgreSQL is configured outside CI.
/// </summary>
[XunitTestCaseDiscoverer("FootDrop.Bot.Tests.Storage.Support.StorageFactDiscoverer", "FootDrop.Bot.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageFactAttribute : FactAttribute;

public sealed class StorageFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any();
        if (needsPostgres && TestPostgres.SkipReason is { } reason)
        {
            return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason)];
        }

        return [new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)];
    }
}
