using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.DialogLayer;

/// <summary>
/// A dialog that contains dialogs, with its own inner stack kept on its instance (the official ComponentDialog).
/// </summary>
public abstract class ComponentDialog(string id) : Dialog(id)
{
    /// <summary>Where state saved by earlier versions keeps the inner stack, as JSON inside the instance's state.</summary>
    private const string LegacyInnerStackKey = "dialogs";
    private readonly DialogSet _dialogs = new();

    public string? InitialDialogId { get; protected set; }

    public DialogSet Dialogs => _dialogs;

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options, CancellationToken cancellationToken)
    {
        var innerDc = CreateInnerContext(outerDc, outerDc.ActiveDialog!);
        var result = await OnBeginDialogAsync(innerDc, options, cancellationToken);
        return await EndComponentIfDoneAsync(outerDc, result, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken)
    {
        var innerDc = CreateInnerContext(outerDc, outerDc.ActiveDialog!);
        var result = await OnContinueDialogAsync(innerDc, cancellationToken);
        return await EndComponentIfDoneAsync(outerDc, result, cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext outerDc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        // Only reached when a dialog this component started on the outer stack ends: show the inner dialog again.
        await RepromptDialogAsync(outerDc, outerDc.ActiveDialog!, cancellationToken);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(DialogContext outerDc, DialogInstance instance, CancellationToken cancellationToken)
    {
        await CreateInnerContext(outerDc, instance).RepromptDialogAsync(cancellationToken);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        if (reason == DialogReason.CancelCalled)
        {
            await CreateInnerContext(null, instance, turnContext).CancelAllDialogsAsync(cancellationToken);
        }
    }

    protected ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
        => innerDc.BeginDialogAsync(InitialDialogId!, options, cancellationToken);

    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
        => innerDc.ContinueDialogAsync(cancellationToken);

    private static async Task<DialogTurnResult> EndComponentIfDoneAsync(DialogContext outerDc, DialogTurnResult result, CancellationToken cancellationToken)
        => result.Status switch
        {
            DialogTurnStatus.Waiting => EndOfTurn,
            _ => await outerDc.EndDialogAsync(result.Result, cancellationToken),
        };

    private DialogContext CreateInnerContext(DialogContext? outerDc, DialogInstance instance, ITurnContext? turnContext = null)
        => new(_dialogs, turnContext ?? outerDc!.Context, InnerStack(instance), outerDc);

    private static DialogState InnerStack(DialogInstance instance)
    {
        if (instance.Inner is { } inner)
        {
            return inner;
        }

        // A conversation saved by an earlier version carries on where it was, rather than losing its place mid-check.
        instance.Inner = instance.State[LegacyInnerStackKey] is JObject legacy
            ? legacy.ToObject<DialogState>(DialogInstance.StateSerializer) ?? new DialogState()
            : new DialogState();
        instance.State.Remove(LegacyInnerStackKey);
        return instance.Inner;
    }
}
