using FootDrop.Bot.Adapters;
using FootDrop.Bot.Conversation;
using FootDrop.Bot.Dialogs;
using FootDrop.Bot.Dialogs.Exercises;
using FootDrop.Bot.Dialogs.Triage;
using FootDrop.Bot.Proactive;
using FootDrop.Bot.Recognition;
using FootDrop.Content.Loading;
using FootDrop.Content.Model;
using FootDrop.Content.Recognition;
using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Semantic;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Hosting;

/// <summary>The conversation: content from dialogs/, recognisers, safety settings and the dialogs.</summary>
public static class ConversationServices
{
    public static IServiceCollection AddConversation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SafetyOptions>().BindConfiguration(SafetyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);
        services.TryAddSingleton(TimeProvider.System);

        // Content is loaded once; a mistake in dialogs/ stops the start with the file and JSON path (see ContentStartupCheck).
        services.AddSingleton(sp => ContentLoader.LoadFromDirectory(ContentDirectory(sp), new ContentRequirements(TextKeys.All, TextKeys.Placeholders)));
        services.AddOptions<TriageOptions>().BindConfiguration(TriageOptions.Section);
        services.AddSingleton(sp => TriageLoader.LoadVocabulary(ContentDirectory(sp)));
        services.AddSingleton(sp => TriageLoader.LoadScript(ContentDirectory(sp), sp.GetRequiredService<RedFlagVocabulary>()));
        services.AddSingleton(sp => SentenceModel(sp));
        services.AddSingleton(sp => new RedFlagDetector(
            sp.GetRequiredService<RedFlagVocabulary>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<SemanticReader>()));
        services.AddSingleton<ModelGate>();
        services.AddSingleton(sp =>
        {
            var content = sp.GetRequiredService<ContentCatalog>();
            var recognizer = new PhraseRecognizer();
            foreach (var option in content.Menu)
            {
                recognizer.Add(MatchKind.Menu, option.Id, option.Synonyms.Append(option.Title));
            }

            foreach (var section in content.Sections)
            {
                recognizer.Add(MatchKind.Section, section.Id, section.Phrases);
            }

            foreach (var exercise in content.Exercises)
            {
                recognizer.Add(MatchKind.Exercise, exercise.Id, exercise.Phrases.Append(exercise.Title));
            }

            return recognizer;
        });
        services.AddSingleton<TextRecognizers>();
        services.AddSingleton<Texts>();
        services.AddSingleton(sp => new TurnErrorReply(() => sp.GetRequiredService<Texts>()[TextKeys.ErrorTurn]));

        services.AddSingleton<BotStateAccessors>();
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<HoldTimers>();
        services.AddSingleton<TriageOutcomes>();

        services.AddSingleton<MenuDialog>();
        services.AddSingleton<LearnDialog>();
        services.AddSingleton<ExercisesDialog>();
        services.AddSingleton<SymptomCheckDialog>();
        services.AddSingleton<RedFlagDialog>();
        services.AddSingleton<ProgressDialog>();
        services.AddSingleton<DeleteDataDialog>();
        services.AddSingleton<BotDialogs>();

        services.AddHostedService<ContentStartupCheck>();
        return services;
    }

    /// <summary>
    /// The sentence model and the rules' examples, loaded in the background as soon as anything asks for it (the
    /// start-up check does). Its vectors of the examples are cached in the data folder for the next start.
    /// </summary>
    private static SemanticReader SentenceModel(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<TriageOptions>>().Value;
        var storage = services.GetRequiredService<IOptions<Storage.StorageOptions>>().Value;
        var cache = options.ModelCacheDirectory ?? Path.Combine(storage.DataDirectory, "model-cache");
        return new SemanticReader(() => MiniLmSentenceEmbedder.Shared, SemanticExamples.From(services.GetRequiredService<RedFlagVocabulary>()), Path.GetFullPath(cache));
    }

    private static string ContentDirectory(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<ContentOptions>>().Value.Directory;
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "dialogs")
            : Path.GetFullPath(configured);
    }
}

/// <summary>Settings of the red-flag reading (section <c>Triage</c>).</summary>
public sealed class TriageOptions
{
    public const string Section = "Triage";

    /// <summary>Where the vectors of the rules' examples are cached; by default data/model-cache beside the state.</summary>
    public string? ModelCacheDirectory { get; set; }
}

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The dialogs folder; by default the copy beside the binaries, made from the repository's dialogs/.</summary>
    public string? Directory { get; set; }
}

/// <summary>
/// Loads every content file and builds the recognisers before the first message, so a content mistake stops the
/// start with a clear message, and no user's turn pays for building the Microsoft.Recognizers.Text models.
/// </summary>
internal sealed partial class ContentStartupCheck(IServiceProvider services, ILogger<ContentStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ContentCatalog>();
        services.GetRequiredService<TriageScript>();
        // The sentence model loads in the background: the first reply must not wait for it, and until it is ready the
        // rules and the clarifying question protect the user on their own.
        if (services.GetService<SemanticReader>() is { } model)
        {
            _ = SayWhenReadyAsync(model, System.Diagnostics.Stopwatch.StartNew());
        }

        var detector = services.GetRequiredService<RedFlagDetector>();
        detector.Warmup();
        detector.Detect("warm up: my foot went numb suddenly this morning, since tuesday", useModel: false);
        services.GetRequiredService<PhraseRecognizer>().Recognize("what causes foot drop");
        services.GetRequiredService<TextRecognizers>().Warmup();
        services.GetRequiredService<BotDialogs>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SayWhenReadyAsync(SemanticReader model, System.Diagnostics.Stopwatch loading)
    {
        try
        {
            await model.WhenReady;
            LogModelReady(logger, loading.ElapsedMilliseconds);
        }
        catch (Exception exception)
        {
            LogModelFailed(logger, exception.GetType().Name, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The sentence model is ready, {Milliseconds} ms after it began loading")]
    private static partial void LogModelReady(ILogger logger, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The sentence model could not be loaded ({ExceptionType}: {Error}); the rules and the clarifying question read messages alone")]
    private static partial void LogModelFailed(ILogger logger, string exceptionType, string error);
}
