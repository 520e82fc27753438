using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.DialogLayer;

public delegate Task<DialogTurnResult> WaterfallStep<TState>(WaterfallStepContext<TState> step, CancellationToken cancellationToken)
    where TState : class, new();

/// <summary>
/// A dialog made of named steps run in order, like the official WaterfallDialog, with typed state instead of a
/// <c>Values</c> bag. The position is saved by step name, so a saved conversation whose step was renamed or removed
/// is detected (<see cref="DialogStateException"/>) instead of silently landing on the wrong step.
/// </summary>
public class WaterfallDialog<TState> : Dialog
    where TState : class, new()
{
    private const string StepKey = "step";
    private const string OptionsKey = "options";
    private const string ValuesKey = "values";

    private readonly List<(string Name, WaterfallStep<TState> Run)> _steps = [];

    public WaterfallDialog(string id, IEnumerable<WaterfallStep<TState>> steps)
        : base(id)
    {
        foreach (var step in steps)
        {
            var name = step.Method.Name;
            if (_steps.Any(s => s.Name == name))
            {
                throw new InvalidOperationException($"Waterfall '{id}' has two steps named '{name}'.");
            }

            _steps.Add((name, step));
        }
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveDialog!;
        instance.State = new JObject
        {
            [OptionsKey] = options is null ? JValue.CreateNull() : JToken.FromObject(options, DialogInstance.StateSerializer),
            [ValuesKey] = JObject.FromObject(new TState(), DialogInstance.StateSerializer),
        };
        return await RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        // A step that waits without a prompt receives the user's next message as its result.
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        return await ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
        => RunStepAsync(dc, CurrentIndex(dc.ActiveDialog!) + 1, reason, result, cancellationToken);

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            // Running off the end returns the last result, as the official waterfall does.
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        var instance = dc.ActiveDialog!;
        instance.State[StepKey] = _steps[index].Name;
        var values = instance.Live as TState
            ?? (instance.State[ValuesKey] is JObject stored ? stored.ToObject<TState>(DialogInstance.StateSerializer) : null)
            ?? new TState();
        instance.Live = values;
        var step = new WaterfallStepContext<TState>(this, dc, instance, index, reason, result, values);
        try
        {
            return await _steps[index].Run(step, cancellationToken);
        }
        finally
        {
            // The step may have pushed a child dialog; its own instance keeps the updated values either way.
            instance.State[ValuesKey] = JObject.FromObject(step.State, DialogInstance.StateSerializer);
        }
    }

    internal static JToken? GetOptions(DialogInstance instance) => instance.State[OptionsKey];

    private int CurrentIndex(DialogInstance instance)
    {
        var name = instance.State[StepKey]?.Value<string>();
        var index = _steps.FindIndex(s => s.Name == name);
        if (index < 0)
        {
            throw new DialogStateException($"The saved conversation is at step '{name}' of dialog '{Id}', which no longer exists.");
        }

        return index;
    }
}

/// <summary>What a waterfall step gets: the previous step's (or child dialog's) result, typed state, and the dialog operations.</summary>
public sealed class WaterfallStepContext<TState>
    where TState : class, new()
{
    private readonly WaterfallDialog<TState> _waterfall;
    private readonly DialogInstance _instance;

    internal WaterfallStepContext(WaterfallDialog<TState> waterfall, DialogContext dc, DialogInstance instance, int index, DialogReason reason, object? result, TState state)
    {
        _waterfall = waterfall;
        _instance = instance;
        DialogContext = dc;
        Index = index;
        Reason = reason;
        Result = result;
        State = state;
    }

    public DialogContext DialogContext { get; }

    public ITurnContext Context => DialogContext.Context;

    public int Index { get; }

    public DialogReason Reason { get; }

    /// <summary>The previous step's result, or the value returned by the dialog or prompt it started.</summary>
    public object? Result { get; }

    /// <summary>This dialog's own state; changes are saved when the step returns.</summary>
    public TState State { get; }

    public TOptions? GetOptions<TOptions>()
        where TOptions : class
        => WaterfallDialog<TState>.GetOptions(_instance) is JToken token && token.Type != JTokenType.Null
            ? token.ToObject<TOptions>(DialogInstance.StateSerializer)
            : null;

    /// <summary>Skips straight to the next step with a result.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
        => _waterfall.RunStepAsync(DialogContext, Index + 1, DialogReason.NextCalled, result, cancellationToken);

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
        => DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken = default)
        => DialogContext.PromptAsync(dialogId, options, cancellationToken);

    public Task<DialogTurnResult> EndDialogAsync(object? result = null, CancellationToken cancellationToken = default)
        => DialogContext.EndDialogAsync(result, cancellationToken);

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options = null, CancellationToken cancellationToken = default)
        => DialogContext.ReplaceDialogAsync(dialogId, options, cancellationToken);
}
