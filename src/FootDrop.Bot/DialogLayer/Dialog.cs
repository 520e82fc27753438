using Microsoft.Bot.Builder;

namespace FootDrop.Bot.DialogLayer;

/// <summary>
/// A unit of conversation that may span turns, shaped like Microsoft.Bot.Builder.Dialogs.Dialog
/// (that package is not on this project's feed).
/// </summary>
public abstract class Dialog(string id)
{
    /// <summary>Ends the turn, leaving the dialog on the stack to wait for the user.</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    public string Id { get; } = id;

    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
        => dc.EndDialogAsync(null, cancellationToken);

    /// <summary>Called when a dialog this one started has ended, with its result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
        => dc.EndDialogAsync(result, cancellationToken);

    /// <summary>
    /// Asks the active question again. Unlike the official signature it takes the dialog context the instance lives in,
    /// so a component nested in another can still find the dialogs of its parents.
    /// </summary>
    public virtual Task RepromptDialogAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken)
        => Task.CompletedTask;

    public virtual Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
        => Task.CompletedTask;
}
