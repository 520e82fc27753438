using System.Globalization;
using FootDrop.Bot.Adapters;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.Tests.Adapters;

/// <summary>The shared culture per locale, when clients send many different locales.</summary>
public sealed class SharedCultureMiddlewareTests
{
    [Fact]
    public async Task Past_the_limit_of_distinct_locales_a_turn_keeps_the_sdks_own_culture()
    {
        var middleware = new SharedCultureMiddleware();
        var names = CultureInfo.GetCultures(CultureTypes.SpecificCultures).Select(c => c.Name).Distinct().Take(SharedCultureMiddleware.MaxSharedCultures + 6).ToList();
        var seen = new List<CultureInfo>();
        var original = CultureInfo.CurrentCulture;
        try
        {
            foreach (var name in names)
            {
                // What the SDK does at the start of a turn with the activity's locale.
                CultureInfo.CurrentCulture = new CultureInfo(name);
                await middleware.OnTurnAsync(Turn(name), _ =>
                {
                    seen.Add(CultureInfo.CurrentCulture);
                    return Task.CompletedTask;
                }, CancellationToken.None);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }

        Assert.Equal(SharedCultureMiddleware.MaxSharedCultures, middleware.SharedCount);
        Assert.All(seen.Take(SharedCultureMiddleware.MaxSharedCultures), c => Assert.True(c.IsReadOnly));
        Assert.All(seen.Skip(SharedCultureMiddleware.MaxSharedCultures), c => Assert.False(c.IsReadOnly));
        Assert.Equal(names, seen.Select(c => c.Name));
    }

    private static TurnContext Turn(string locale)
        => new(new TestAdapter(), new Activity(ActivityTypes.Message) { Text = "hi", Locale = locale, Conversation = new ConversationAccount(id: "c"), ChannelId = "test" });
}
