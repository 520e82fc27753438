using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.DialogLayer;

/// <summary>
/// A dialog that contains dialogs, with its own inner stack kept in its instance state (the official ComponentDialog).
/// </summary>
public abstract class ComponentDialog(string id) : Dialog(id)
{
    private const string InnerStackKey = "dialogs";
    private readonly DialogSet _dialogs = new();

    public string? InitialDialogId { get; protected set; }

    public DialogSet Dialogs => _dialogs;

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext outerDc, object? options, CancellationToken cancellationToken)
    {
        var (innerDc, innerState) = CreateInnerContext(outerDc, outerDc.ActiveDialog!);
        var instance = outerDc.ActiveDialog!;
        DialogTurnResult result;
        try
        {
            result = await OnBeginDialogAsync(innerDc, options, cancellationToken);
        }
        finally
        {
            SaveInner(instance, innerState);
        }

        return await EndComponentIfDoneAsync(outerDc, result, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext outerDc, CancellationToken cancellationToken)
    {
        var instance = outerDc.ActiveDialog!;
        var (innerDc, innerState) = CreateInnerContext(outerDc, instance);
        DialogTurnResult result;
        try
        {
            result = await OnContinueDialogAsync(innerDc, cancellationToken);
        }
        finally
        {
            SaveInner(instance, innerState);
        }

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
        var (innerDc, innerState) = CreateInnerContext(outerDc, instance);
        await innerDc.RepromptDialogAsync(cancellationToken);
        SaveInner(instance, innerState);
    }

    public override async Task EndDialogAsync(ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        if (reason == DialogReason.CancelCalled)
        {
            var (innerDc, innerState) = CreateInnerContext(null, instance, turnContext);
            await innerDc.CancelAllDialogsAsync(cancellationToken);
            SaveInner(instance, innerState);
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

    private (DialogContext Inner, DialogState State) CreateInnerContext(DialogContext? outerDc, DialogInstance instance, ITurnContext? turnContext = null)
    {
        var state = instance.State[InnerStackKey] is JObject stored
            ? stored.ToObject<DialogState>(DialogInstance.StateSerializer) ?? new DialogState()
            : new DialogState();
        return (new DialogContext(_dialogs, turnContext ?? outerDc!.Context, state, outerDc), state);
    }

    private static void SaveInner(DialogInstance instance, DialogState state)
        => instance.State[InnerStackKey] = JObject.FromObject(state, DialogInstance.StateSerializer);
}
