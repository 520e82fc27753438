using FootDrop.Bot.Conversation;
using FootDrop.Bot.DialogLayer;
using FootDrop.Bot.Dialogs.Exercises;
using FootDrop.Bot.Dialogs.Triage;
using FootDrop.Bot.Reminders;
using Microsoft.Bot.Builder;

namespace FootDrop.Bot.Dialogs;

/// <summary>The root dialog set: every top-level dialog of the bot, bound to the conversation's dialog stack.</summary>
public sealed class BotDialogs
{
    private readonly DialogSet _set;

    public BotDialogs(
        BotStateAccessors state,
        MenuDialog menu,
        LearnDialog learn,
        ExercisesDialog exercises,
        SymptomCheckDialog symptomCheck,
        RedFlagDialog redFlag,
        ProgressDialog progress,
        DeleteDataDialog deleteData,
        ReminderDialog reminders)
    {
        _set = new DialogSet(state.DialogState)
            .Add(menu)
            .Add(learn)
            .Add(exercises)
            .Add(symptomCheck)
            .Add(redFlag)
            .Add(progress)
            .Add(deleteData)
            .Add(reminders);
    }

    public Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        => _set.CreateContextAsync(turnContext, cancellationToken);
}
