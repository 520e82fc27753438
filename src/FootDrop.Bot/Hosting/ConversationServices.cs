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
        services.AddSingleton(sp => ContentLoader.LoadFromDirectory(ContentDirectory(sp), new ContentRequirements(TextKeys.All, TextKeys.Placeholders, SectionIds.All)));
        services.AddOptions<TriageOptions>().BindConfiguration(TriageOptions.Section);
        services.AddSingleton(sp => TriageLoader.LoadVocabulary(ContentDirectory(sp)));
        services.AddSingleton(sp => TriageLoader.LoadScript(ContentDirectory(sp), sp.GetRequiredService<RedFlagVocabulary>()));
        services.AddSingleton(sp => SentenceModel(sp));
        services.AddSingleton(sp => new RedFlagDetector(
            sp.GetRequiredService<RedFlagVocabulary>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<SemanticReader>()));
        services.AddSingleton(sp => new Lazy<RedFlagDetector>(sp.GetRequiredService<RedFlagDetector>));
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

        services.AddSingleton<StartupWork>();
        services.AddSingleton<ContentStartupCheck>();
        services.AddHostedService(sp => sp.GetRequiredService<ContentStartupCheck>());
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
/// Loads and validates every content file before the bot listens, so a content mistake stops the start with a clear
/// message. The rest is built in the background, so the first reply comes within a second of the process starting:
/// the red-flag rules and the Microsoft.Recognizers.Text models first, then the sentence model. A message that comes
/// before the rules are ready waits for them (the rules are a <see cref="Lazy{T}"/>); one that comes before the
/// sentence model is ready is read by the rules and the clarifying question alone.
/// </summary>
internal sealed partial class ContentStartupCheck(IServiceProvider services, ILogger<ContentStartupCheck> logger) : IHostedService
{
    // Warm-up messages in the shapes people type (a story with a time, a question, a denial), so that the first
    // user's message runs code already compiled, with or without the sentence model.
    private static readonly string[] s_warmupMessages =
    [
        "warm up: my foot went numb suddenly this morning, since tuesday",
        "is it normal that my foot still drags a bit after the stretches, I have had it for years",
        "no numbness and no back pain, but my toes keep catching on the stairs for the last few days",
    ];

    /// <summary>
    /// Completes when the background warm-up is done: the rules, and the sentence model unless it failed to load. What
    /// counts the model's calls waits for it, since the warm-up runs the model too.
    /// </summary>
    public Task WarmedUp { get; private set; } = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // What a clinician edits is read and checked here, before the bot listens, so a mistake stops the start.
        services.GetRequiredService<ContentCatalog>();
        services.GetRequiredService<TriageScript>();
        WarmedUp = services.GetRequiredService<StartupWork>().Run(WarmUp);
        return Task.CompletedTask;
    }

    private void WarmUp()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            // The dialogs first (the welcome needs them), then what free text needs. A turn that comes sooner waits for
            // whichever it needs.
            services.GetRequiredService<BotDialogs>();
        }
        catch (Exception exception)
        {
            LogDialogsFailed(logger, exception.GetType().Name, exception.Message);
            // A supervisor sees a failed start, as it did when the failure stopped the start itself.
            Environment.ExitCode = 1;
            services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
            return;
        }

        try
        {
            var detector = services.GetRequiredService<Lazy<RedFlagDetector>>().Value;
            detector.Warmup();
            foreach (var message in s_warmupMessages)
            {
                detector.Detect(message, useModel: false);
            }

            services.GetRequiredService<PhraseRecognizer>().Recognize("what causes foot drop");
            services.GetRequiredService<TextRecognizers>().Warmup();
            LogRulesReady(logger, clock.ElapsedMilliseconds);
        }
        catch (Exception exception)
        {
            // A turn that needs the rules meets the same error through the turn-error handler; this reports it at start-up.
            LogWarmupFailed(logger, exception.GetType().Name, exception.Message);
            return;
        }

        if (services.GetService<SemanticReader>() is not { } model)
        {
            return;
        }

        try
        {
            model.WhenReady.GetAwaiter().GetResult();
            var detector = services.GetRequiredService<Lazy<RedFlagDetector>>().Value;
            foreach (var message in s_warmupMessages)
            {
                detector.Detect(message, useModel: true);
            }

            LogModelReady(logger, clock.ElapsedMilliseconds);
        }
        catch (Exception exception)
        {
            LogModelFailed(logger, exception.GetType().Name, exception.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Critical, Message = "The dialogs could not be built, so the bot stops ({ExceptionType}: {Error})")]
    private static partial void LogDialogsFailed(ILogger logger, string exceptionType, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "The red-flag rules and recognisers are ready, {Milliseconds} ms after the content was loaded")]
    private static partial void LogRulesReady(ILogger logger, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The red-flag rules could not be built in the background ({ExceptionType}: {Error})")]
    private static partial void LogWarmupFailed(ILogger logger, string exceptionType, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "The sentence model is ready, {Milliseconds} ms after the content was loaded")]
    private static partial void LogModelReady(ILogger logger, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The sentence model could not be loaded ({ExceptionType}: {Error}); the rules and the clarifying question read messages alone")]
    private static partial void LogModelFailed(ILogger logger, string exceptionType, string error);
}
