using FootDrop.Bot.Cards;
using FootDrop.Bot.Conversation;
using FootDrop.Bot.DialogLayer;
using FootDrop.Bot.DialogLayer.Prompts;
using FootDrop.Bot.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Reminders;

/// <summary>
/// Setting, changing, listing and stopping the exercise reminder: which time (asked if the message gave none, and
/// "morning or evening?" when it could be either), which time zone (the channel's, or asked once), then the reminder
/// scheduled and confirmed in plain words with the next time it fires. On the web it also offers the calendar file.
/// </summary>
public sealed class ReminderDialog : ComponentDialog
{
    public const string DialogId = "reminders";
    private const string StepsId = "reminder-steps";
    private const string TimePromptId = "reminder-time";
    private const string ZonePromptId = "reminder-zone";

    private readonly Texts _texts;
    private readonly ReminderAccessor _reminders;
    private readonly ReminderScheduler _scheduler;
    private readonly CalendarLinks _links;
    private readonly ReminderOptions _options;
    private readonly TimeProvider _time;

    public ReminderDialog(Texts texts, ReminderAccessor reminders, ReminderScheduler scheduler, ReminderLanguage language, CalendarLinks links, IOptions<ReminderOptions> options, TimeProvider time)
        : base(DialogId)
    {
        _texts = texts;
        _reminders = reminders;
        _scheduler = scheduler;
        _links = links;
        _options = options.Value;
        _time = time;
        AddDialog(new WaterfallDialog<ReminderTalk>(StepsId, [StartStepAsync, ReadTimeStepAsync, MorningOrEveningStepAsync, ZoneStepAsync, SaveStepAsync]));
        AddDialog(new ReminderTimePrompt(TimePromptId, language, time));
        AddDialog(new TimeZonePrompt(ZonePromptId));
        AddDialog(new ChoicePrompt(Prompting.ChoicePromptId));
    }

    private async Task<DialogTurnResult> StartStepAsync(WaterfallStepContext<ReminderTalk> step, CancellationToken cancellationToken)
    {
        var talk = step.State;
        talk.CopyFrom(step.GetOptions<ReminderTalk>() ?? new ReminderTalk());
        var current = await _reminders.GetAsync(step.Context, cancellationToken);
        switch (talk.Intent)
        {
            case ReminderIntent.List:
            case ReminderIntent.Overview:
                await SayAsync(step, current.Schedule is { } schedule
                    ? _texts.Get(TextKeys.ReminderList, ("text", ReminderTimes.SayScheduleWithZone(_texts, schedule)), ("date", NextTime(schedule)))
                    : _texts[TextKeys.ReminderListNone], cancellationToken);
                if (talk.Intent == ReminderIntent.Overview && current.Schedule is not null)
                {
                    await SayAsync(step, _texts[TextKeys.ReminderHint], cancellationToken);
                }

                return await step.EndDialogAsync(null, cancellationToken);
            case ReminderIntent.Stop:
                var had = current.Schedule is not null;
                current.Schedule = null;
                await _scheduler.RemoveAsync(step.Context.Activity.ChannelId, step.Context.Activity.From.Id, cancellationToken);
                await SayAsync(step, _texts[had ? TextKeys.ReminderStopped : TextKeys.ReminderStopNone], cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            case ReminderIntent.ThisTimeTomorrow:
                talk.ThisTimeUtc = _time.GetUtcNow();
                talk.Days = DayMask.Everyday.Bits;
                return await step.NextAsync(null, cancellationToken);
        }

        if (talk.Intent == ReminderIntent.Change && talk.Days == 0 && current.Schedule is { } existing)
        {
            // "Change my reminder to 7pm" keeps the days it had.
            talk.Days = existing.Days;
        }

        if (talk.InvalidTime is { } invalid)
        {
            await SayAsync(step, _texts.Get(TextKeys.ReminderInvalidTime, ("text", invalid)), cancellationToken);
        }

        if (talk.Time is not null)
        {
            return await step.NextAsync(null, cancellationToken);
        }

        return await step.PromptAsync(TimePromptId, new PromptOptions
        {
            Prompt = MessageFactory.Text(_texts[TextKeys.ReminderAskTime]),
            RetryPrompt = MessageFactory.Text(_texts[TextKeys.ReminderAskTimeRetry]),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> ReadTimeStepAsync(WaterfallStepContext<ReminderTalk> step, CancellationToken cancellationToken)
    {
        var talk = step.State;
        if (step.Result is ReminderRequest answer)
        {
            talk.Time = answer.Time;
            talk.EveningTime = answer.EveningTime;
            talk.Days = answer.Days != 0 ? answer.Days : talk.Days;
        }
        else if (talk.Time is null && talk.ThisTimeUtc is null)
        {
            await SayAsync(step, _texts[TextKeys.ReminderNotSet], cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        if (talk.EveningTime is not { } evening || talk.Time is not { } morning)
        {
            return await step.NextAsync(null, cancellationToken);
        }

        var morningTime = ReminderTimes.Say(TimeOnly.Parse(morning, System.Globalization.CultureInfo.InvariantCulture));
        var eveningTime = ReminderTimes.Say(TimeOnly.Parse(evening, System.Globalization.CultureInfo.InvariantCulture));
        return await step.PromptAsync(Prompting.ChoicePromptId, new PromptOptions
        {
            Prompt = MessageFactory.Text(_texts.Get(TextKeys.ReminderMorningOrEvening, ("text", morningTime[..morningTime.LastIndexOf(' ')]))),
            Choices =
            [
                new Choice(morning, morningTime, ["morning", "am", "in the morning"]),
                new Choice(evening, eveningTime, ["evening", "pm", "in the evening", "night", "afternoon"]),
            ],
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> MorningOrEveningStepAsync(WaterfallStepContext<ReminderTalk> step, CancellationToken cancellationToken)
    {
        var talk = step.State;
        if (talk.EveningTime is not null)
        {
            if (step.Result is not FoundChoice choice)
            {
                await SayAsync(step, _texts[TextKeys.ReminderNotSet], cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            }

            talk.Time = choice.Value;
            talk.EveningTime = null;
        }

        return await step.NextAsync(null, cancellationToken);
    }

    private async Task<DialogTurnResult> ZoneStepAsync(WaterfallStepContext<ReminderTalk> step, CancellationToken cancellationToken)
    {
        var talk = step.State;
        talk.Zone ??= ReminderTimes.ZoneOf(step.Context.Activity) ?? (await _reminders.GetAsync(step.Context, cancellationToken)).TimeZone;
        if (talk.Zone is not null)
        {
            return await step.NextAsync(null, cancellationToken);
        }

        // Asked once: the answer is kept with the user's reminders.
        return await step.PromptAsync(ZonePromptId, new PromptOptions
        {
            Prompt = MessageFactory.Text(_texts[TextKeys.ReminderAskZone]),
            RetryPrompt = MessageFactory.Text(_texts[TextKeys.ReminderAskZoneRetry]),
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> SaveStepAsync(WaterfallStepContext<ReminderTalk> step, CancellationToken cancellationToken)
    {
        var talk = step.State;
        if (step.Result is string zone)
        {
            talk.Zone = zone;
        }

        if (talk.Zone is null)
        {
            await SayAsync(step, _texts[TextKeys.ReminderNotSet], cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        var current = await _reminders.GetAsync(step.Context, cancellationToken);
        current.TimeZone = talk.Zone;
        var localNow = ReminderTimes.Local(_time.GetUtcNow(), talk.Zone);
        if (talk.ThisTimeUtc is { } thisTime)
        {
            var local = ReminderTimes.Local(thisTime, talk.Zone);
            var at = new TimeOnly(local.Hour, local.Minute);
            if (_options.IsQuiet(at))
            {
                // Not a time the user chose: ask for one instead of picking a time in the quiet hours for them.
                await SayAsync(step, _texts[TextKeys.ReminderOfferQuiet], cancellationToken);
                return await step.ReplaceDialogAsync(StepsId, new ReminderTalk { Intent = ReminderIntent.Set, Days = DayMask.Everyday.Bits, Zone = talk.Zone }, cancellationToken);
            }

            talk.Time = at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        }

        var time = TimeOnly.ParseExact(talk.Time!, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var activity = step.Context.Activity;
        var changed = current.Schedule is not null;
        var schedule = new ReminderSchedule
        {
            Days = talk.Days == 0 ? DayMask.Everyday.Bits : talk.Days,
            Time = talk.Time!,
            TimeZone = talk.Zone,
            QuietByChoice = _options.IsQuiet(time),
            Version = Guid.NewGuid().ToString("N"),
            Conversation = ReminderSchedule.Store(activity.GetConversationReference()),
            Since = DateOnly.FromDateTime(localNow.DateTime),
        };
        current.Schedule = schedule;
        var next = await _scheduler.ScheduleAsync(activity.ChannelId, activity.From.Id, schedule, cancellationToken);

        await SayAsync(step, _texts.Get(
            changed ? TextKeys.ReminderChanged : TextKeys.ReminderSet,
            ("text", ReminderTimes.SayScheduleWithZone(_texts, schedule)),
            ("date", ReminderTimes.SayDayAndTime(ReminderTimes.Local(next, schedule.TimeZone)))), cancellationToken);
        if (schedule.QuietByChoice)
        {
            await SayAsync(step, _texts[TextKeys.ReminderQuietChosen], cancellationToken);
        }

        if (activity.ChannelId is Channels.Directline or Channels.Webchat)
        {
            // A web page cannot be reached while it is closed; the user's own calendar can remind them.
            var card = MessageFactory.Attachment(AdaptiveCards.WithLink(_texts[TextKeys.ReminderCalendarNote], _texts[TextKeys.ButtonAddToCalendar], _links.Create(activity.ChannelId, activity.From.Id, schedule.Version)));
            await step.Context.SendActivityAsync(card, cancellationToken);
        }

        return await step.EndDialogAsync(null, cancellationToken);
    }

    private string NextTime(ReminderSchedule schedule)
        => ReminderTimes.SayDayAndTime(ReminderTimes.Local(ReminderTimes.NextTimes(schedule, _time.GetUtcNow()).First(), schedule.TimeZone));

    private static Task SayAsync(WaterfallStepContext<ReminderTalk> step, string text, CancellationToken cancellationToken)
        => step.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
}

/// <summary>What the reminder conversation knows so far; its options and its state.</summary>
public sealed class ReminderTalk
{
    public ReminderIntent Intent { get; set; }

    public int Days { get; set; }

    public string? Time { get; set; }

    public string? EveningTime { get; set; }

    public string? InvalidTime { get; set; }

    public string? Zone { get; set; }

    public DateTimeOffset? ThisTimeUtc { get; set; }

    public static ReminderTalk From(ReminderRequest request) => new()
    {
        Intent = request.Intent,
        Days = request.Days,
        Time = request.Time,
        EveningTime = request.EveningTime,
        InvalidTime = request.InvalidTime,
    };

    public void CopyFrom(ReminderTalk other)
    {
        Intent = other.Intent;
        Days = other.Days;
        Time = other.Time;
        EveningTime = other.EveningTime;
        InvalidTime = other.InvalidTime;
        Zone = other.Zone;
        ThisTimeUtc = other.ThisTimeUtc;
    }
}

/// <summary>Asks when to remind: an answer with a time in it ("6pm", "weekdays at 7:30") is the result.</summary>
public sealed class ReminderTimePrompt(string id, ReminderLanguage language, TimeProvider time) : Prompt<ReminderRequest>(id)
{
    protected override PromptRecognition<ReminderRequest> Recognize(Activity activity, PromptOptions options)
    {
        var request = string.IsNullOrWhiteSpace(activity.Text) ? null : language.Read(activity.Text, time.GetUtcNow().DateTime);
        return request is { HasTime: true, InvalidTime: null } ? PromptRecognition<ReminderRequest>.Success(request) : PromptRecognition<ReminderRequest>.Failed;
    }
}

/// <summary>Asks for the user's time zone: a city, a country with one zone, an IANA or Windows name.</summary>
public sealed class TimeZonePrompt(string id) : Prompt<string>(id)
{
    protected override PromptRecognition<string> Recognize(Activity activity, PromptOptions options)
        => ReminderTimes.ZoneFromAnswer(activity.Text) is { } zone ? PromptRecognition<string>.Success(zone) : PromptRecognition<string>.Failed;
}
