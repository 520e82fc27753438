using FootDrop.Bot.Conversation;
using FootDrop.Content.Text;
using FootDrop.Bot.DialogLayer;
using FootDrop.Bot.DialogLayer.Prompts;
using FootDrop.Bot.Recognition;
using FootDrop.Bot.Storage;
using FootDrop.Bot.DirectLine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.Dialogs;

/// <summary>"Delete my data": asks once, then erases the user's and the conversation's stored data everywhere.</summary>
public sealed class DeleteDataDialog : ComponentDialog
{
    private readonly Texts _texts;
    private readonly IUserDataEraser _eraser;

    public DeleteDataDialog(Texts texts, IUserDataEraser eraser)
        : base(DialogIds.DeleteData)
    {
        _texts = texts;
        _eraser = eraser;
        AddDialog(new WaterfallDialog<NoState>("delete-data-steps", [ConfirmStepAsync, EraseStepAsync]));
        AddDialog(new YesNoPrompt(Prompting.YesNoPromptId));
    }

    private Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
        => step.PromptAsync(Prompting.YesNoPromptId, Prompting.YesNo(_texts, TextKeys.DeleteDataConfirm), cancellationToken);

    private async Task<DialogTurnResult> EraseStepAsync(WaterfallStepContext<NoState> step, CancellationToken cancellationToken)
    {
        if (step.Result is not YesNo.Yes)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(_texts[TextKeys.DeleteDataCancelled]), cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        await _eraser.EraseAsync(step.Context, cancellationToken);
        if (WebUsers.IsAnonymousWebUser(step.Context.Activity))
        {
            // The web page keeps the user's identity; it forgets it on this event, so a reload starts as nobody.
            await step.Context.SendActivityAsync(new Activity(ActivityTypes.Event) { Name = WebIdentity.ForgetEventName }, cancellationToken);
        }

        await step.Context.SendActivityAsync(MessageFactory.Text(_texts[TextKeys.DeleteDataDone]), cancellationToken);
        return await step.EndDialogAsync(new DataErased(), cancellationToken);
    }
}

/// <summary>Everything was erased: the root must not write state back at the end of this turn.</summary>
public sealed record DataErased;
