using FootDrop.Bot.Conversation;
using FootDrop.Content.Text;
using FootDrop.Bot.DialogLayer;
using FootDrop.Bot.Dialogs;
using FootDrop.Bot.Dialogs.Exercises;
using FootDrop.Bot.Dialogs.Triage;
using FootDrop.Bot.Proactive;
using FootDrop.Bot.Recognition;
using FootDrop.Bot.Reminders;
using FootDrop.Content.Model;
using FootDrop.Content.Recognition;
using FootDrop.Content.Triage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Bot;

/// <summary>
/// The turn handler. For every message, in this order: warning signs first (from anywhere, even mid-prompt, including
/// the answer to a clarifying question), then messages it cannot read (empty, emoji alone, another language, too long),
/// then the words that work anywhere (help, menu, cancel, start over, delete my data), then the active dialog, then
/// free text.
/// </summary>
public sealed partial class FootDropBot(
    BotStateAccessors state,
    BotDialogs dialogs,
    Lazy<RedFlagDetector> rules,
    ModelGate modelGate,
    PhraseRecognizer recognizer,
    ContentCatalog content,
    TriageScript script,
    TriageOutcomes outcomes,
    Texts texts,
    HoldTimers holds,
    ReminderConversation reminders,
    IOptions<SafetyOptions> safety,
    TimeProvider time,
    ILogger<FootDropBot> logger) : IBot
{
    /// <summary>Set on a turn whose message hinted at a sign without a question being asked: no "didn't get that".</summary>
    private const string SymptomHinted = "footdrop.symptomHinted";

    /// <summary>Set on a turn whose message asked in general about a warning sign ("is a numb groin serious?").</summary>
    private const string SignAskedAbout = "footdrop.signAskedAbout";

    /// <summary>The rules, built in the background at start-up; a message that comes first waits for them.</summary>
    private RedFlagDetector Detector => rules.Value;

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                IncomingActivity.Normalize(activity);
                await OnMessageAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true:
            case ActivityTypes.InstallationUpdate when string.Equals(activity.Action, "add", StringComparison.OrdinalIgnoreCase):
                await WelcomeAsync(turnContext, cancellationToken);
                break;
            default:
                // Unknown and uninteresting activity types are accepted and ignored.
                return;
        }

        await state.ConversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await state.UserState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    private async Task WelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await turnContext.SendActivitiesAsync(
            [MessageFactory.Text(texts[TextKeys.WelcomeGreeting]), MessageFactory.Text(texts[TextKeys.WelcomeDisclaimer])],
            cancellationToken);

        // A web page that was closed when a reminder was due shows it when it is next open.
        await reminders.ShowMissedAsync(turnContext, cancellationToken);
        var dc = await dialogs.CreateContextAsync(turnContext, cancellationToken);
        await dc.CancelAllDialogsAsync(cancellationToken);
        await dc.BeginDialogAsync(DialogIds.Menu, null, cancellationToken);
    }

    private async Task OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text ?? string.Empty;
        await holds.CancelAsync(turnContext, cancellationToken);
        var dc = await dialogs.CreateContextAsync(turnContext, cancellationToken);

        try
        {
            if (await HandleRedFlagsAsync(dc, text, cancellationToken))
            {
                return;
            }

            // A message the bot cannot read gets a clear answer (with the emergency advice where it cannot read the
            // words at all), and the conversation waits where it was.
            var cannotRead = text.Length == 0 ? texts[TextKeys.MessageEmpty]
                : LanguageGuess.HasNoWords(text) ? texts.Fill(script.FreeText.NoWords)
                : LanguageGuess.IsLikelyNotEnglish(text) ? texts.Fill(script.FreeText.OnlyEnglish)
                : text.Length > safety.Value.MaxMessageLength ? texts[TextKeys.MessageTooLong]
                : null;
            if (cannotRead is not null)
            {
                await turnContext.SendActivityAsync(MessageFactory.Text(cannotRead), cancellationToken);
                await RepromptOrMenuAsync(dc, cancellationToken);
                return;
            }

            if (await HandleGlobalCommandAsync(dc, GlobalCommands.Recognize(text), cancellationToken)
                || await reminders.TryHandleButtonAsync(dc, text, cancellationToken))
            {
                return;
            }

            var result = await dc.ContinueDialogAsync(cancellationToken);
            await AfterDialogAsync(dc, result, text, cancellationToken);
        }
        catch (DialogStateException)
        {
            // A conversation saved by an older version of the bot: start it afresh instead of failing every turn.
            LogStaleState(logger, turnContext.Activity.ChannelId);
            dc.ClearStack();
            await turnContext.SendActivityAsync(MessageFactory.Text(texts[TextKeys.UpgradeRestarted]), cancellationToken);
            await dc.BeginDialogAsync(DialogIds.Menu, null, cancellationToken);
        }
    }

    /// <summary>
    /// Warning signs come first, wherever the user is: the answer to a pending clarifying question, then the message
    /// itself. Returns true when they decided this turn (an outcome, or a question asked).
    /// </summary>
    private async Task<bool> HandleRedFlagsAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        var pending = await state.PendingClarify.GetAsync(dc.Context, () => new PendingClarify(), cancellationToken);
        var found = text.Length == 0 ? RedFlagResult.Nothing : Detector.Detect(text, useModel: modelGate.ShouldRead(text));

        if (pending.QuestionId is { } questionId)
        {
            var question = Detector.Vocabulary.Clarify.FirstOrDefault(q => q.Id == questionId);
            var levelIfNo = CareLevels.FromId(pending.LevelIfNo ?? string.Empty) ?? CareLevel.None;
            var asked = new TriageNotice(levelIfNo, [.. pending.RuleIds], pending.Source ?? TriageSources.Rule, pending.AboutSomeoneElse);
            var then = Detector.Vocabulary.Clarify.FirstOrDefault(q => q.Id == pending.ThenQuestionId);
            pending.Clear();
            switch (YesNoAnswers.Recognize(text, aboutSymptoms: true))
            {
                case YesNo.Yes or YesNo.Unsure when question is not null:
                    // Yes, or not sure: when in doubt, care.
                    await StartOutcomeAsync(dc, new TriageNotice(
                        Max(question.LevelOnYes, levelIfNo, found.Level),
                        [.. new[] { question.RuleIdOnYes }.Concat(asked.RuleIds).Concat(found.RuleIds).Distinct()],
                        TriageSources.ClarifyAnswer,
                        asked.AboutSomeoneElse || found.AboutSomeoneElse), cancellationToken);
                    return true;
                case YesNo.No when !found.IsRedFlag && found.Clarify is null:
                    if (levelIfNo >= CareLevel.Urgent)
                    {
                        await StartOutcomeAsync(dc, asked, cancellationToken);
                    }
                    else if (then is not null)
                    {
                        // No face or bladder trouble, but the leg was hinted too: its question, asked the same way.
                        await AskAsync(dc, pending, then, new RedFlagResult(levelIfNo, asked.RuleIds, then, DetectionSource.Rule, null, asked.AboutSomeoneElse, [then.RuleIdOnYes]), cancellationToken);
                        pending.Source = asked.Source;
                    }
                    else
                    {
                        await RepromptOrMenuAsync(dc, cancellationToken);
                    }

                    return true;
                default:
                    // Not an answer, or a "no" that reports something else: the advice already due is given, and the
                    // message is read on its own below.
                    if (levelIfNo >= CareLevel.Urgent && found.Level < levelIfNo)
                    {
                        await StartOutcomeAsync(dc, asked, cancellationToken);
                        return true;
                    }

                    break;
            }
        }

        // A message mostly in another language is read only as far as its English words and the few foreign words in
        // dialogs/ go ("chakkar" is dizzy): short of an emergency, the emergency advice in English comes first.
        if ((found.IsRedFlag || found.Clarify is not null) && found.Level < CareLevel.Emergency && LanguageGuess.IsLikelyNotEnglish(text))
        {
            await dc.Context.SendActivityAsync(MessageFactory.Text(texts.Fill(script.FreeText.OnlyEnglish)), cancellationToken);
        }

        if (found.Clarify is { } clarify && !AskedToday(pending, clarify))
        {
            // One short question rather than a guess; asked again on a later day or in a later conversation.
            await AskAsync(dc, pending, clarify, found, cancellationToken);
            return true;
        }

        if (found.IsRedFlag)
        {
            await StartOutcomeAsync(dc, new TriageNotice(found.Level, found.RuleIds, TriageSources.From(found.Source), found.AboutSomeoneElse, found.Evidence), cancellationToken);
            return true;
        }

        if (found.Clarify is not null)
        {
            dc.Context.TurnState[SymptomHinted] = true;
        }
        else if (found.AsksAboutSigns)
        {
            dc.Context.TurnState[SignAskedAbout] = true;
        }
        else if (found.Note is { } note)
        {
            // Something ordinary said in words close to a sign: a real answer that still names the signs needing care,
            // not "I didn't get that"; then back to where the user was.
            await dc.Context.SendActivityAsync(MessageFactory.Text(texts.Fill(note.Text)), cancellationToken);
            await outcomes.SendNoteTraceAsync(dc.Context, found, note.Id, cancellationToken);
            await RepromptOrMenuAsync(dc, cancellationToken);
            return true;
        }

        return false;
    }

    private bool AskedToday(PendingClarify pending, ClarifyQuestion question)
        => pending.AskedOn.TryGetValue(question.Id, out var askedOn) && askedOn == Today;

    private DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    private async Task AskAsync(DialogContext dc, PendingClarify pending, ClarifyQuestion question, RedFlagResult found, CancellationToken cancellationToken)
    {
        pending.QuestionId = question.Id;
        pending.LevelIfNo = found.Level.ToId();
        pending.RuleIds = [.. found.RuleIds];
        pending.Source = TriageSources.From(found.Source);
        pending.AboutSomeoneElse = found.AboutSomeoneElse;
        pending.ThenQuestionId = found.ThenClarify is { } then && !AskedToday(pending, then) ? then.Id : null;
        pending.AskedOn[question.Id] = Today;
        await dc.Context.SendActivityAsync(
            WithChoices(texts.Fill(question.Prompt), dc.Context.Activity, Prompting.YesNo(texts, TextKeys.YesNoRetry, allowUnsure: true).Choices!),
            cancellationToken);
        await outcomes.SendClarifyTraceAsync(dc.Context, found, question.Id, cancellationToken);
    }

    private static CareLevel Max(params CareLevel[] levels) => levels.Max();

    private async Task StartOutcomeAsync(DialogContext dc, TriageNotice notice, CancellationToken cancellationToken)
    {
        await dc.CancelAllDialogsAsync(cancellationToken);
        await dc.BeginDialogAsync(DialogIds.RedFlag, RedFlagOptions.From(notice), cancellationToken);
    }

    private async Task<bool> HandleGlobalCommandAsync(DialogContext dc, GlobalCommand command, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case GlobalCommand.Help:
                await dc.Context.SendActivityAsync(MessageFactory.Text(texts[TextKeys.Help]), cancellationToken);
                await RepromptOrMenuAsync(dc, cancellationToken);
                return true;
            case GlobalCommand.Cancel when dc.ActiveDialog?.Id == DialogIds.Exercises:
                // "Stop" is one of the exercise's own buttons: the exercise stops itself and records what was done.
                return false;
            case GlobalCommand.Menu:
            case GlobalCommand.Cancel:
                var wasActive = dc.ActiveDialog is not null && dc.ActiveDialog.Id != DialogIds.Menu;
                await dc.CancelAllDialogsAsync(cancellationToken);
                if (wasActive)
                {
                    await dc.Context.SendActivityAsync(MessageFactory.Text(texts[TextKeys.CancelDone]), cancellationToken);
                }

                await dc.BeginDialogAsync(DialogIds.Menu, null, cancellationToken);
                return true;
            case GlobalCommand.StartOver:
                await dc.CancelAllDialogsAsync(cancellationToken);
                await dc.Context.SendActivityAsync(MessageFactory.Text(texts[TextKeys.StartOverDone]), cancellationToken);
                await WelcomeAsync(dc.Context, cancellationToken);
                return true;
            case GlobalCommand.DeleteData:
                await dc.CancelAllDialogsAsync(cancellationToken);
                await dc.BeginDialogAsync(DialogIds.DeleteData, null, cancellationToken);
                return true;
            default:
                return false;
        }
    }

    private async Task AfterDialogAsync(DialogContext dc, DialogTurnResult result, string text, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case DialogTurnStatus.Empty:
                await RouteAsync(dc, text, cancellationToken);
                break;
            case DialogTurnStatus.Complete when result.Result is Reroute reroute:
                await RouteAsync(dc, reroute.Text, cancellationToken);
                break;
            case DialogTurnStatus.Complete when result.Result is DataErased:
                // Nothing is written back after an erase; the next message starts a fresh conversation.
                break;
            case DialogTurnStatus.Complete when result.Result is SessionFinished:
                var offer = await reminders.OfferAfterSessionAsync(dc.Context, cancellationToken);
                await dc.BeginDialogAsync(DialogIds.Menu, new MenuOptions { PromptKey = TextKeys.MenuAgain, Extra = offer is null ? null : [offer] }, cancellationToken);
                break;
            case DialogTurnStatus.Complete:
            case DialogTurnStatus.Cancelled:
                await dc.BeginDialogAsync(DialogIds.Menu, new MenuOptions { PromptKey = TextKeys.MenuAgain }, cancellationToken);
                break;
        }
    }

    /// <summary>Free text with no dialog waiting for it: a menu choice, a topic, an exercise, or the menu again.</summary>
    private async Task RouteAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        // Reminder requests first ("remind me to do my exercises at 6" names the exercises too), then a whole-message menu
        // choice, then the user's own words, then any menu word inside a sentence.
        // The message's own words: a menu prompt hands over "reminders" for "change my reminder to 7pm".
        if (reminders.Recognize(dc.Context.Activity.Text ?? text) is { } reminderRequest)
        {
            await BeginThenMenuAsync(dc, ReminderDialog.DialogId, reminderRequest, cancellationToken);
            return;
        }

        // A question about a warning sign gets the warning signs even where it names a topic too ("is a numb groin bad
        // with foot drop?"): the topic is one button away, and the question may be about now.
        var signAsked = dc.Context.TurnState.Get<object>(SignAskedAbout) is true;
        var target = MenuDialog.Recognize(content, text, allowPartial: false)
            ?? recognizer.Recognize(text) switch
            {
                { Kind: MatchKind.Menu } match => match.Id,
                { Kind: MatchKind.Section } when signAsked => null,
                { Kind: MatchKind.Section } match => "section:" + match.Id,
                { Kind: MatchKind.Exercise } match => "exercise:" + match.Id,
                _ => null,
            }
            ?? MenuDialog.Recognize(content, text, allowPartial: true);

        switch (target)
        {
            case "learn":
                await dc.BeginDialogAsync(DialogIds.Learn, new LearnOptions(), cancellationToken);
                break;
            case "exercises":
                await dc.BeginDialogAsync(DialogIds.Exercises, new ExerciseRequest(), cancellationToken);
                break;
            case "symptoms":
                await dc.BeginDialogAsync(DialogIds.SymptomCheck, null, cancellationToken);
                break;
            case "progress":
                await dc.BeginDialogAsync(DialogIds.Progress, null, cancellationToken);
                await dc.BeginDialogAsync(DialogIds.Menu, new MenuOptions { PromptKey = TextKeys.MenuAgain }, cancellationToken);
                break;
            case "reminders":
                await BeginThenMenuAsync(dc, ReminderDialog.DialogId, ReminderConversation.Overview(), cancellationToken);
                break;
            case "help":
                await dc.Context.SendActivityAsync(MessageFactory.Text(texts[TextKeys.Help]), cancellationToken);
                await dc.BeginDialogAsync(DialogIds.Menu, null, cancellationToken);
                break;
            case "deleteData":
                await dc.BeginDialogAsync(DialogIds.DeleteData, null, cancellationToken);
                break;
            case { } section when section.StartsWith("section:", StringComparison.Ordinal):
                await dc.BeginDialogAsync(DialogIds.Learn, new LearnOptions { SectionId = section["section:".Length..] }, cancellationToken);
                break;
            case { } exercise when exercise.StartsWith("exercise:", StringComparison.Ordinal):
                await dc.BeginDialogAsync(DialogIds.Exercises, new ExerciseRequest { ExerciseIds = [exercise["exercise:".Length..]] }, cancellationToken);
                break;
            case null when signAsked:
                // The section ends by offering the symptom check, in case the question was about now.
                await dc.Context.SendActivityAsync(MessageFactory.Text(texts[TextKeys.SignQuestionIntro]), cancellationToken);
                await dc.BeginDialogAsync(DialogIds.Learn, new LearnOptions { SectionId = SectionIds.WarningSigns }, cancellationToken);
                break;
            default:
                // Never "I didn't get that" to a message that spoke of a symptom.
                var reply = dc.Context.TurnState.Get<object>(SymptomHinted) is true ? texts.Fill(script.FreeText.SymptomNote)
                    : content.IsGreeting(text) ? texts[TextKeys.GreetingReply]
                    : texts[TextKeys.Fallback];
                await dc.Context.SendActivityAsync(MessageFactory.Text(reply), cancellationToken);
                await dc.BeginDialogAsync(DialogIds.Menu, null, cancellationToken);
                break;
        }
    }

    /// <summary>A dialog that may finish in the turn it starts ("what are my reminders") is followed by the menu, as one that finishes later is.</summary>
    private static async Task BeginThenMenuAsync(DialogContext dc, string dialogId, object options, CancellationToken cancellationToken)
    {
        var result = await dc.BeginDialogAsync(dialogId, options, cancellationToken);
        if (result.Status == DialogTurnStatus.Complete && dc.ActiveDialog is null)
        {
            await dc.BeginDialogAsync(DialogIds.Menu, new MenuOptions { PromptKey = TextKeys.MenuAgain }, cancellationToken);
        }
    }

    private async Task RepromptOrMenuAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.ActiveDialog is null)
        {
            await dc.BeginDialogAsync(DialogIds.Menu, null, cancellationToken);
        }
        else
        {
            await dc.RepromptDialogAsync(cancellationToken);
        }
    }

    private static Activity WithChoices(string text, IActivity incoming, IReadOnlyList<Choice> choices)
    {
        var reply = MessageFactory.Text(text);
        Cards.ChoiceRendering.Apply(reply, choices, incoming);
        return reply;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Restarted a {ChannelId} conversation whose saved dialog state no longer fits this version")]
    private static partial void LogStaleState(ILogger logger, string? channelId);
}
