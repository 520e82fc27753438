using FootDrop.Bot.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.DialogLayer.Prompts;

/// <summary>The result of recognising an answer.</summary>
public readonly record struct PromptRecognition<T>(bool Succeeded, T? Value)
{
    public static PromptRecognition<T> Failed => new(false, default);

    public static PromptRecognition<T> Success(T value) => new(true, value);
}

/// <summary>
/// Base of every prompt: asks, recognises the answer, re-asks with the retry prompt, and after
/// <see cref="PromptOptions.MaxAttempts"/> unrecognised answers ends with a null result so the caller can move on.
/// </summary>
public abstract class Prompt<T>(string id, Func<T, bool>? validator = null) : Dialog(id)
{
    private const string OptionsKey = "options";
    private const string AttemptsKey = "attempts";

    private static readonly Newtonsoft.Json.JsonSerializer s_optionsReader = Newtonsoft.Json.JsonSerializer.Create();

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var promptOptions = options as PromptOptions
            ?? throw new ArgumentException($"Prompt '{Id}' needs {nameof(PromptOptions)}.", nameof(options));
        var instance = dc.ActiveDialog!;
        var stored = JObject.FromObject(promptOptions, DialogInstance.StateSerializer);
        RemoveEmptyLists(stored["prompt"]);
        RemoveEmptyLists(stored["retryPrompt"]);
        if (JToken.DeepEquals(stored["retryPrompt"], stored["prompt"]))
        {
            // Asking again in the same words needs no second copy in every saved turn.
            stored.Remove("retryPrompt");
        }

        instance.State[OptionsKey] = stored;
        instance.State[AttemptsKey] = 0;

        // Sent from the stored copy: the caller's activities stay untouched by rendering and sending.
        await SendAsync(dc.Context, ReadOptions(instance), retry: false, cancellationToken);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var instance = dc.ActiveDialog!;
        var options = ReadRecognitionOptions(instance);
        var recognition = Recognize(dc.Context.Activity, options);
        if (recognition.Succeeded && (validator is null || validator(recognition.Value!)))
        {
            return await dc.EndDialogAsync(recognition.Value, cancellationToken);
        }

        var attempts = (instance.State[AttemptsKey]?.Value<int>() ?? 0) + 1;
        instance.State[AttemptsKey] = attempts;
        if (attempts >= options.MaxAttempts)
        {
            return await dc.EndDialogAsync(null, cancellationToken);
        }

        await SendAsync(dc.Context, ReadOptions(instance), retry: true, cancellationToken);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(DialogContext dc, DialogInstance instance, CancellationToken cancellationToken)
        => SendAsync(dc.Context, ReadOptions(instance), retry: false, cancellationToken);

    /// <param name="options">The prompt's choices and attempts; its prompt activities are not read for recognising.</param>
    protected abstract PromptRecognition<T> Recognize(Activity activity, PromptOptions options);

    /// <summary>The choices to show as buttons: a choice prompt's options, or yes/no for a confirm prompt.</summary>
    protected virtual IReadOnlyList<Choice>? ChoicesToShow(PromptOptions options) => options.Choices;

    /// <param name="options">A fresh copy read from the dialog's state (<see cref="ReadOptions"/>): its activity is sent as it is.</param>
    private async Task SendAsync(ITurnContext turnContext, PromptOptions options, bool retry, CancellationToken cancellationToken)
    {
        var activity = (retry ? options.RetryPrompt : null) ?? options.Prompt;
        if (activity is null)
        {
            return;
        }

        var choices = ChoicesToShow(options);
        if (choices is { Count: > 0 })
        {
            ChoiceRendering.Apply(activity, choices, turnContext.Activity);
        }

        await turnContext.SendActivityAsync(activity, cancellationToken);
    }

    /// <summary>MessageFactory's empty attachment and entity lists: nothing to send, so nothing to keep in every saved turn.</summary>
    private static void RemoveEmptyLists(JToken? activity)
    {
        if (activity is JObject fields)
        {
            foreach (var empty in fields.Properties().Where(p => p.Value is JArray { Count: 0 }).ToList())
            {
                empty.Remove();
            }
        }
    }

    /// <summary>What recognising an answer needs; the prompt activities are only read if the question is asked again.</summary>
    private static PromptOptions ReadRecognitionOptions(DialogInstance instance)
    {
        var stored = instance.State[OptionsKey] as JObject;
        return new PromptOptions
        {
            Choices = stored?["choices"]?.ToObject<List<Choice>>(s_optionsReader),
            MaxAttempts = stored?["maxAttempts"]?.Value<int>() ?? PromptOptions.DefaultMaxAttempts,
        };
    }

    private static PromptOptions ReadOptions(DialogInstance instance)
        => instance.State[OptionsKey]?.ToObject<PromptOptions>(s_optionsReader) ?? new PromptOptions();
}
