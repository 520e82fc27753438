using FootDrop.Bot.Conversation;
using FootDrop.Bot.Dialogs.Triage;
using FootDrop.Bot.Tests.Infrastructure;
using FootDrop.Content.Triage;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Conversations;

/// <summary>Where a message is typed: the three places the bot must read a warning sign the same way.</summary>
public enum Position
{
    FirstMessage,
    MidExercise,
    AnsweringTheSymptomCheck,
}

/// <summary>
/// Free text that describes a warning sign (or only sounds like one), typed in each of three positions, through the
/// real composed bot. Where the bot asks one clarifying question, it is answered honestly. The messages here were
/// written for these tests, not taken from the corpus.
/// </summary>
public sealed class FreeTextTriageConversationTests(BotFixture bot) : IClassFixture<BotFixture>
{
    public static TheoryData<string, Position, string> Emergencies()
    {
        var data = new TheoryData<string, Position, string>();
        foreach (var position in Enum.GetValues<Position>())
        {
            // A sudden, complete loss, in words other than "paralysed".
            data.Add("within twenty minutes his whole right leg stopped working, he can't even wiggle his toes", position, "emergency");
            // Someone else's emergency, seen by a carer.
            data.Add("my wife's smile has gone crooked and her words are coming out all wrong", position, "emergency");
            data.Add("dad's arm just flopped down onto the table and he can't lift it", position, "emergency");
            // Cauda equina in plain words.
            data.Add("I've been trying to pee for hours and nothing comes out, my back is agony", position, "emergency");
            data.Add("I can't feel the toilet paper when I wipe and my legs feel weak", position, "emergency");
            // Other emergencies around a foot drop.
            data.Add("the worst headache I've ever had hit me like a hammer about ten minutes ago", position, "emergency");
            data.Add("I fell off the ladder onto my back and now I can't feel my legs", position, "emergency");
        }

        return data;
    }

    public static TheoryData<string, Position, string> Urgents()
    {
        var data = new TheoryData<string, Position, string>();
        foreach (var position in Enum.GetValues<Position>())
        {
            // A new foot drop, described in everyday words.
            data.Add("for the last four days my toes keep snagging on the rug", position, "urgent");
            data.Add("since I knelt all weekend laying the patio my foot slaps the floor", position, "urgent");
            data.Add("after my knee operation last month the foot on that side won't lift", position, "urgent");
            // Worsening and falls.
            data.Add("my brace doesn't seem to help anymore and I've been tripping more", position, "urgent");
            data.Add("he's fallen three times this week", position, "urgent");
            data.Add("the numbness is creeping further up my shin every day", position, "urgent");
        }

        return data;
    }

    public static TheoryData<string, Position> Benign()
    {
        var data = new TheoryData<string, Position>();
        foreach (var position in Enum.GetValues<Position>())
        {
            // Negation and history.
            data.Add("no numbness, no tingling and no trouble with my bladder, I'm fine", position);
            data.Add("I had sciatica back in 2017 but it cleared up completely", position);
            // Long-standing users asking for a routine.
            data.Add("I've had foot drop for eight years after my stroke, it's the same as always, my neurologist knows", position);
            // A hypothetical and a general question.
            data.Add("if my foot ever goes numb during the stretches, should I stop?", position);
            data.Add("what are the signs of a stroke?", position);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Emergencies))]
    public async Task An_emergency_in_the_users_own_words_gets_the_emergency_advice(string message, Position position, string level)
        => Assert.Equal(level, (await RunAsync(message, position, honestAnswer: "yes")).Level);

    [Theory]
    [MemberData(nameof(Urgents))]
    public async Task A_new_or_worsening_foot_drop_gets_urgent_advice(string message, Position position, string level)
        => Assert.Equal(level, (await RunAsync(message, position, honestAnswer: "no")).Level);

    [Theory]
    [MemberData(nameof(Benign))]
    public async Task A_denial_history_or_question_raises_no_alarm(string message, Position position)
    {
        var outcome = await RunAsync(message, position, honestAnswer: "no");

        Assert.True(outcome.Level is "none" or "routine", $"{message} at {position}: {outcome.Level}");
    }

    [Fact]
    public async Task A_carer_is_told_what_to_do_for_the_person_they_are_helping()
    {
        var outcome = await RunAsync("my husband's face has dropped on one side and he's not making sense", Position.FirstMessage, "yes");

        Assert.Equal("emergency", outcome.Level);
        Assert.Contains(outcome.Replies, r => r.Text?.StartsWith("Call", StringComparison.Ordinal) == true && r.Text.Contains("for them", StringComparison.Ordinal));
        Assert.Contains(outcome.Traces, t => t.Value<bool>("aboutSomeoneElse"));
    }

    [Fact]
    public async Task A_long_standing_user_asking_for_exercises_is_taken_to_the_exercises()
    {
        var adapter = bot.NewConversation();
        await bot.SeedReadyForExercisesAsync(adapter);

        var replies = await SendAsync(adapter, "I've had drop foot for years since my MS diagnosis, nothing new, can I do the toe lifts");

        // The exercise session begins as every later session does, with the quick safety question: no alarm.
        Assert.DoesNotContain(replies, r => r.Type == ActivityTypes.Trace);
        Assert.Contains(replies, r => r.Text == bot.Texts[TextKeys.SafetyQuickCheck]);
    }

    [Fact]
    public async Task A_sign_hinted_but_not_certain_gets_one_question_naming_what_was_hinted()
    {
        var replies = await SendAsync(bot.NewConversation(), "my face feels a bit funny");

        Assert.Contains(replies, r => r.Text?.Contains("face drooping", StringComparison.Ordinal) == true);
        var trace = Assert.Single(Traces(replies));
        Assert.Equal("clarify", trace.Value<string>("level"));
        Assert.Contains("stroke-face-droop", trace["ruleIds"]!.Values<string>());
    }

    [Theory]
    [InlineData("not sure")]
    [InlineData("no idea")]
    [InlineData("not really sure")]
    public async Task A_doubtful_answer_to_the_question_counts_towards_care(string answer)
    {
        var adapter = bot.NewConversation();
        await SendAsync(adapter, "my face feels a bit funny");

        var replies = await SendAsync(adapter, answer);

        Assert.Equal("emergency", Traces(replies).Last().Value<string>("level"));
        Assert.Equal(TriageSources.ClarifyAnswer, Traces(replies).Last().Value<string>("source"));
    }

    [Fact]
    public async Task A_no_to_the_question_carries_on_where_the_user_was()
    {
        var adapter = bot.NewConversation();
        await StartExerciseAsync(adapter);
        await SendAsync(adapter, "my ankle feels a bit weird");

        var replies = await SendAsync(adapter, "no");

        Assert.Contains(replies, r => r.Text?.StartsWith("Getting ready (1 of 3)", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_question_is_asked_again_on_a_later_day_but_not_twice_in_one_day()
    {
        var adapter = bot.NewConversation();
        await SendAsync(adapter, "my ankle feels a bit weird");
        await SendAsync(adapter, "no");

        var sameDay = await SendAsync(adapter, "my ankle feels a bit weird");
        bot.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await SendAsync(adapter, "my ankle feels a bit weird");

        Assert.DoesNotContain(Traces(sameDay), t => t.Value<string>("level") == "clarify");
        Assert.Contains(Traces(nextDay), t => t.Value<string>("level") == "clarify");
    }

    [Fact]
    public async Task A_hinted_sign_never_gets_I_did_not_get_that()
    {
        var adapter = bot.NewConversation();
        await SendAsync(adapter, "my ankle feels a bit weird");
        await SendAsync(adapter, "no");

        var replies = await SendAsync(adapter, "my ankle feels a bit weird");

        Assert.DoesNotContain(replies, r => r.Text == bot.Texts[TextKeys.Fallback]);
        Assert.Contains(replies, r => r.Text?.Contains("get it checked by a doctor today", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_no_about_the_face_brings_the_question_about_the_leg_hinted_beside_it()
    {
        var adapter = bot.NewConversation();
        var first = await SendAsync(adapter, "her face looks a bit odd and her ankle feels weird");

        var second = await SendAsync(adapter, "no");
        var answered = await SendAsync(adapter, "yes");

        Assert.Equal("clarify-stroke", Traces(first).Single().Value<string>("question"));
        Assert.Equal("clarify-leg", Traces(second).Single().Value<string>("question"));
        Assert.Equal("urgent", Traces(answered).Last().Value<string>("level"));
    }

    [Fact]
    public async Task A_no_about_the_face_alone_asks_nothing_more()
    {
        var adapter = bot.NewConversation();
        await SendAsync(adapter, "my face feels a bit funny");

        var replies = await SendAsync(adapter, "no");

        Assert.Empty(Traces(replies));
        Assert.Contains(replies, r => r.Text == bot.Texts[TextKeys.MenuPrompt]);
    }

    [Fact]
    public async Task The_ache_after_the_exercises_gets_its_own_answer_and_the_menu()
    {
        var replies = await SendAsync(bot.NewConversation(), "calves a bit sore after yesterday's stretches. normal?");

        Assert.Contains(replies, r => r.Text == bot.Texts.Fill(Note("ache-after-exercise").Text));
        Assert.DoesNotContain(replies, r => r.Text == bot.Texts[TextKeys.Fallback]);
        var trace = Assert.Single(Traces(replies));
        Assert.Equal(("none", "ache-after-exercise"), (trace.Value<string>("level"), trace.Value<string>("note")));
        Assert.Contains(replies, r => r.Text == bot.Texts[TextKeys.MenuPrompt]);
    }

    [Fact]
    public async Task The_ache_typed_during_an_exercise_is_answered_and_the_exercise_goes_on()
    {
        var adapter = bot.NewConversation();
        await StartExerciseAsync(adapter);

        var replies = await SendAsync(adapter, "my shins are achy from the exercises yesterday");

        Assert.Contains(replies, r => r.Text == bot.Texts.Fill(Note("ache-after-exercise").Text));
        Assert.Contains(replies, r => r.Text?.StartsWith("Getting ready (1 of 3)", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Stiff_calves_with_nothing_new_get_an_answer_not_I_did_not_get_that()
    {
        var replies = await SendAsync(bot.NewConversation(), "his calves are stiff");

        Assert.Contains(replies, r => r.Text == bot.Texts.Fill(Note("leg-ache").Text));
        Assert.DoesNotContain(replies, r => r.Text == bot.Texts[TextKeys.Fallback]);
    }

    [Fact]
    public async Task A_numb_calf_after_the_exercises_is_still_urgent()
    {
        var outcome = await RunAsync("my calf has gone numb since yesterday's stretches", Position.FirstMessage, "no");

        Assert.Equal("urgent", outcome.Level);
        Assert.DoesNotContain(outcome.Traces, t => t.Value<string>("note") is not null);
    }

    [Fact]
    public async Task An_urgent_sign_is_first_checked_against_every_emergency_sign()
    {
        var adapter = bot.NewConversation();

        var asked = await SendAsync(adapter, "for the last four days my toes keep snagging on the rug");
        var answered = await SendAsync(adapter, "no");

        Assert.Contains(asked, r => r.Text?.Contains("numbness between the legs", StringComparison.Ordinal) == true);
        Assert.Equal("urgent", Traces(answered).Last().Value<string>("level"));
        Assert.Contains("new-foot-drop", Traces(answered).Last()["ruleIds"]!.Values<string>());
    }

    [Fact]
    public async Task Asking_whether_to_call_an_ambulance_gets_the_question_on_every_emergency_sign_and_a_yes_gets_the_emergency_advice()
    {
        var adapter = bot.NewConversation();

        var asked = await SendAsync(adapter, "do we ring for an ambulance or wait for the surgery to open");
        var answered = await SendAsync(adapter, "yes");

        Assert.Contains(asked, r => r.Text?.Contains("numbness between the legs", StringComparison.Ordinal) == true);
        Assert.Equal("clarify", Traces(asked).Single().Value<string>("level"));
        Assert.Equal("emergency", Traces(answered).Last().Value<string>("level"));
    }

    [Fact]
    public async Task A_message_in_another_language_gets_the_emergency_advice_in_english()
    {
        var replies = await SendAsync(bot.NewConversation(), "mi madre se siente muy mal hoy y tiene miedo");

        Assert.Contains(replies, r => r.Text?.Contains("only understand English", StringComparison.Ordinal) == true && r.Text.Contains("emergency number", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sign_half_read_in_another_language_gets_the_emergency_advice_before_its_own()
    {
        // Romanised Hindi: "chakkar" (dizzy) is read, the rest ("her left hand is tingling, it all just began") is not.
        var replies = await SendAsync(bot.NewConversation(), "nani ko bahut chakkar aa rahe, bol rahi kamra ghoom raha hai aur saath me left haath jhanjhana raha");

        var onlyEnglish = replies.ToList().FindIndex(r => r.Text?.Contains("only understand English", StringComparison.Ordinal) == true && r.Text.Contains("emergency number", StringComparison.Ordinal));
        Assert.Equal(0, onlyEnglish);
        Assert.True(replies.Count > 1);
    }

    [Fact]
    public async Task A_sign_read_in_plain_english_gets_no_note_about_english()
    {
        var replies = await SendAsync(bot.NewConversation(), "my nani has been very dizzy since this morning");

        Assert.DoesNotContain(replies, r => r.Text?.Contains("only understand English", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_stroke_sign_written_in_spanish_gets_the_emergency_outcome()
    {
        // dialogs/redflags.json reads a few Spanish words people mix into English ("no puede hablar", "boca chueca").
        var replies = await SendAsync(bot.NewConversation(), "mi madre no puede hablar y tiene la cara caída");

        Assert.Equal("emergency", Traces(replies).Last().Value<string>("level"));
    }

    [Fact]
    public async Task Emoji_alone_get_a_clear_answer_and_the_question_again()
    {
        var replies = await SendAsync(bot.NewConversation(), "😢😢😢");

        Assert.Contains(replies, r => r.Text?.Contains("not pictures or emoji", StringComparison.Ordinal) == true);
        Assert.Contains(replies, r => r.Text == bot.Texts[TextKeys.MenuPrompt]);
    }

    private sealed record Outcome(string Level, IReadOnlyList<Activity> Replies, IReadOnlyList<JObject> Traces);

    /// <summary>Sends the message in its position; a clarifying question gets the honest answer; returns the last decision.</summary>
    private async Task<Outcome> RunAsync(string message, Position position, string honestAnswer)
    {
        var adapter = bot.NewConversation();
        switch (position)
        {
            case Position.MidExercise:
                await StartExerciseAsync(adapter);
                break;
            case Position.AnsweringTheSymptomCheck:
                Assert.Contains(await SendAsync(adapter, "check my symptoms"), r => r.Text?.Contains("face drooping", StringComparison.Ordinal) == true);
                break;
        }

        var replies = (await SendAsync(adapter, message)).ToList();
        var traces = Traces(replies).ToList();
        if (traces.LastOrDefault()?.Value<string>("level") == "clarify")
        {
            var answered = await SendAsync(adapter, honestAnswer);
            replies.AddRange(answered);
            traces.AddRange(Traces(answered));
        }

        var decision = traces.LastOrDefault(t => t.Value<string>("level") != "clarify");
        return new Outcome(decision?.Value<string>("level") ?? "none", replies, traces);
    }

    /// <summary>A user whose last check was routine starts the calf stretch: the quick safety question, then the first step.</summary>
    private async Task StartExerciseAsync(TestAdapter adapter)
    {
        await bot.SeedReadyForExercisesAsync(adapter);
        Assert.Contains(await SendAsync(adapter, "calf stretch"), r => r.Text == bot.Texts[TextKeys.SafetyQuickCheck]);
        Assert.Contains(await SendAsync(adapter, "no"), r => r.Text?.StartsWith("Getting ready (1 of 3)", StringComparison.Ordinal) == true);
    }

    private AnswerNote Note(string id) => bot.Detector.Vocabulary.Notes.Single(n => n.Id == id);

    private static IEnumerable<JObject> Traces(IEnumerable<Activity> replies) => BotFixture.TriageTraces(replies);

    private Task<IReadOnlyList<Activity>> SendAsync(TestAdapter adapter, string text) => bot.SendAsync(adapter, text);
}
