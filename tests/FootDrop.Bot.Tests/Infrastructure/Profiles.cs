using FootDrop.Bot.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace FootDrop.Bot.Tests.Infrastructure;

public static class Profiles
{
    /// <summary>Stores a profile for the adapter's user, as earlier conversations would have left it.</summary>
    public static Task SeedAsync(this BotFixture bot, TestAdapter adapter, Action<UserProfile> set)
        => bot.App.SeedAsync(adapter, set);

    public static async Task SeedAsync(this BotApp app, TestAdapter adapter, Action<UserProfile> set)
    {
        var state = app.Services.GetRequiredService<BotStateAccessors>();
        await adapter.ProcessActivityAsync(adapter.MakeActivity(), async (turn, ct) =>
        {
            var profile = await state.GetProfileAsync(turn, ct);
            set(profile);
            await state.UserState.SaveChangesAsync(turn, false, ct);
        }, CancellationToken.None);
    }

    /// <summary>A user who has told the bot their side and whose last symptom check was routine.</summary>
    public static Task SeedReadyForExercisesAsync(this BotFixture bot, TestAdapter adapter, string side = "left")
        => bot.SeedAsync(adapter, p =>
        {
            p.Side = side;
            p.LastTriage = new TriageRecord { Level = "routine", On = bot.Clock.GetUtcNow() };
        });

    public static async Task<UserProfile> ProfileAsync(this BotFixture bot, TestAdapter adapter)
    {
        var state = bot.App.Services.GetRequiredService<BotStateAccessors>();
        UserProfile? profile = null;
        await adapter.ProcessActivityAsync(adapter.MakeActivity(), async (turn, ct) => profile = await state.GetProfileAsync(turn, ct), CancellationToken.None);
        return profile!;
    }
}
