using FootDrop.Bot.Conversation;
using FootDrop.Bot.DialogLayer;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Conversations;

/// <summary>Delete my data, and conversations saved by an older version of the bot.</summary>
public sealed class PrivacyAndRecoveryConversationTests(BotFixture bot) : IClassFixture<BotFixture>
{
    private Texts T => bot.Texts;

    [Fact]
    public async Task Delete_my_data_asks_once_then_erases_the_users_profile_and_progress()
    {
        var adapter = bot.NewConversation();
        await bot.SeedReadyForExercisesAsync(adapter, side: "right");
        await bot.SeedAsync(adapter, p => p.AddSession(new SessionRecord { Date = new DateOnly(2026, 11, 20), Exercises = ["toe-lifts"], Sets = 3, MaxPain = 1 }));

        await bot.Flow(adapter)
            .Send("delete my data")
            .Says(T[TextKeys.DeleteDataConfirm])
            .Send("yes")
            .Says(T[TextKeys.DeleteDataDone])
            .StartTestAsync();

        var profile = await bot.ProfileAsync(adapter);
        Assert.Null(profile.Side);
        Assert.Null(profile.LastTriage);
        Assert.Empty(profile.Sessions);
    }

    [Fact]
    public async Task Saying_no_to_delete_keeps_everything()
    {
        var adapter = bot.NewConversation();
        await bot.SeedReadyForExercisesAsync(adapter, side: "right");

        await bot.Flow(adapter)
            .Send("Delete my data")
            .Says(T[TextKeys.DeleteDataConfirm])
            .Send("no")
            .Says(T[TextKeys.DeleteDataCancelled])
            .StartTestAsync();

        Assert.Equal("right", (await bot.ProfileAsync(adapter)).Side);
    }

    [Fact]
    public async Task A_saved_conversation_from_an_older_version_restarts_gracefully()
    {
        var adapter = bot.NewConversation();
        var state = bot.App.Services.GetRequiredService<BotStateAccessors>();
        await adapter.ProcessActivityAsync(adapter.MakeActivity(), async (turn, ct) =>
        {
            await state.DialogState.SetAsync(turn, new DialogState { DialogStack = [new DialogInstance { Id = "dialog-removed-in-an-update", State = new JObject() }] }, ct);
            await state.ConversationState.SaveChangesAsync(turn, false, ct);
        }, CancellationToken.None);

        await bot.Flow(adapter)
            .Send("next")
            .Says(T[TextKeys.UpgradeRestarted])
            .Says(T[TextKeys.MenuPrompt])
            .Send("Help")
            .Says(T[TextKeys.Help])
            .StartTestAsync();
    }
}
