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
        services.AddSingleton(sp => TriageLoader.LoadScript(ContentDirectory(sp)));
        services.AddSingleton(sp => new RedFlagDetector(TriageLoader.LoadVocabulary(ContentDirectory(sp))));
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

    private static string ContentDirectory(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<ContentOptions>>().Value.Directory;
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "dialogs")
            : Path.GetFullPath(configured);
    }
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
internal sealed class ContentStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<ContentCatalog>();
        services.GetRequiredService<TriageScript>();
        services.GetRequiredService<RedFlagDetector>().Detect("warm up: my foot went numb suddenly this morning");
        services.GetRequiredService<PhraseRecognizer>().Recognize("what causes foot drop");
        services.GetRequiredService<TextRecognizers>().Warmup();
        services.GetRequiredService<BotDialogs>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
