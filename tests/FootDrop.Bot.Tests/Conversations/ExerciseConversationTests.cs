using FootDrop.Bot.Conversation;
using FootDrop.Bot.Tests.Infrastructure;
using FootDrop.Content.Model;
using Microsoft.Bot.Builder.Adapters;

namespace FootDrop.Bot.Tests.Conversations;

/// <summary>The exercise coach, one instruction per message, with every hold, rep and set in order.</summary>
public sealed class ExerciseConversationTests(BotFixture bot) : IClassFixture<BotFixture>
{
    private Texts T => bot.Texts;

    [Theory]
    [InlineData("calf-stretch")]
    [InlineData("toe-lifts")]
    [InlineData("seated-dorsiflexion")]
    [InlineData("band-dorsiflexion")]
    public async Task An_exercise_is_walked_step_by_step_with_every_rep_and_set_counted(string exerciseId)
    {
        var adapter = bot.NewConversation();
        await bot.SeedReadyForExercisesAsync(adapter, side: "left");
        var exercise = bot.Content.Exercise(exerciseId);

        var flow = Begin(bot.Flow(adapter), exercise);
        flow = WalkAll(flow, exercise, "left");
        await flow
            .Says(T.Get(TextKeys.ExerciseDone, ("title", exercise.Title)))
            .Says(T[TextKeys.PainPrompt])
            .Send("2")
            .Says(T.Get(TextKeys.SessionDone, ("count", 1)))
            .Says(T[TextKeys.MenuAgain])
            .StartTestAsync();
    }

    [Fact]
    public async Task The_affected_side_asked_once_appears_in_the_instructions()
    {
        var adapter = bot.NewConversation();
        await bot.SeedAsync(adapter, p => p.LastTriage = new TriageRecord { Level = "routine", On = bot.Clock.GetUtcNow() });

        await bot.Flow(adapter)
            .Send("calf stretch")
            .Says(T[TextKeys.SidePrompt])
            .Send("my right leg")
            .Says(T[TextKeys.SideSaved])
            .AssertReplyContains("since you last checked in")
            .Send("no")
            .SkipReplies(2)
            .AssertReplyContains("Getting ready (1 of 3)")
            .Send("next")
            .AssertReplyContains("Getting ready (2 of 3)", "Step your right leg back")
            .StartTestAsync();

        Assert.Equal("right", (await bot.ProfileAsync(adapter)).Side);
    }

    [Fact]
    public async Task With_both_legs_affected_each_step_that_names_a_side_says_to_do_both()
    {
        var adapter = bot.NewConversation();
        await bot.SeedReadyForExercisesAsync(adapter, side: "both");

        await Begin(bot.Flow(adapter), bot.Content.Exercise("calf-stretch"))
            .AssertReplyContains("Getting ready (1 of 3)")
            .Send("next")
            .AssertReplyContains("Step your leg back", T[TextKeys.SideBothNote])
            .StartTestAsync();
    }

    [Fact]
    public async Task Back_returns_to_the_previous_step_and_repeat_says_it_again()
    {
        var adapter = bot.NewConversation();
        await bot.SeedReadyForExercisesAsync(adapter);

        await Begin(bot.Flow(adapter), bot.Content.Exercise("calf-stretch"))
            .AssertReplyContains("Getting ready (1 of 3)")
            .Send("next").AssertReplyContains("Getting ready (2 of 3)")
            .Send("back").AssertReplyContains("Getting ready (1 of 3)")
            .Send("repeat").AssertReplyContains("Getting ready (1 of 3)")
            .StartTestAsync();
    }

    [Fact]
    public async Task Saying_all_reps_are_done_skips_to_the_end_of_the_set()
    {
        var adapter = bot.NewConversation();
        await bot.SeedReadyForExercisesAsync(adapter);

        await Begin(bot.Flow(adapter), bot.Content.Exercise("toe-lifts"))
            .AssertReplyContains("Getting ready (1 of 1)")
            .Send("next").AssertReplyContains("Set 1 of 3, rep 1 of 10")
            .Send("I did all reps").AssertReplyContains("Set 1 of 3 done")
            .Send("next set").AssertReplyContains("Set 2 of 3, rep 1 of 10")
            .StartTestAsync();
    }

    [Fact]
    public async Task Pain_at_the_threshold_stops_the_session_and_advises_a_physical_therapist()
    {
        var adapter = bot.NewConversation();
        await bot.SeedReadyForExercisesAsync(adapter);

        await ToPainQuestion(bot.Flow(adapter), "toe-lifts")
            .Send("5/10")
            .Says(T.Get(TextKeys.PainTooHigh, ("pain", 5)))
            .Says(T[TextKeys.MenuAgain])
            .StartTestAsync();
    }

    [Fact]
    public async Task Pain_below_the_threshold_in_words_finishes_the_exercise()
    {
        var adapter = bot.NewConversation();
        await bot.SeedReadyForExercisesAsync(adapter);

        await ToPainQuestion(bot.Flow(adapter), "toe-lifts")
            .Send("two")
            .Says(T.Get(TextKeys.SessionDone, ("count", 1)))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_red_flag_typed_mid_exercise_stops_it_and_goes_to_care()
    {
        var adapter = bot.NewConversation();
        await bot.SeedReadyForExercisesAsync(adapter);

        await Begin(bot.Flow(adapter), bot.Content.Exercise("calf-stretch"))
            .AssertReplyContains("Getting ready (1 of 3)")
            .Send("I feel dizzy and my foot is tingling")
            .AssertReplyContains("To be safe", "face drooping")
            .AssertTrace("clarify", "dizziness", "new-numbness-or-tingling")
            .Send("no")
            .AssertReplyContains("noticed something")
            .AssertReplyContains("see a doctor today")
            .AssertTrace("urgent", "dizziness", "new-numbness-or-tingling")
            .AssertReplyContains("What would you like to do now?")
            .Send("next")
            .Says(T[TextKeys.Fallback])
            .StartTestAsync();
    }

    [Fact]
    public async Task A_first_session_starts_with_the_symptom_check_and_goes_on_after_a_routine_outcome()
    {
        await bot.Flow(bot.NewConversation())
            .Send("toe lifts")
            .Says(T[TextKeys.SidePrompt])
            .Send("left")
            .Says(T[TextKeys.SideSaved])
            .Says(T[TextKeys.SafetyFirstTime])
            .AssertReplyContains("check your symptoms")
            .AssertReplyContains("face drooping").Send("no")
            .AssertReplyContains("urine").Send("no")
            .AssertReplyContains("When did").Send("slowly over months")
            .AssertReplyContains("numbness").Send("no")
            .AssertReplyContains("shoots").Send("no")
            .AssertReplyContains("balance").Send("no")
            .AssertReplyContains("injury").Send("no")
            .AssertReplyContains("getting worse").Send("no")
            .AssertReplyContains("Nothing you've told me needs urgent care")
            .AssertTrace("routine")
            .AssertReplyContains("Toe lifts.")
            .StartTestAsync();
    }

    [Fact]
    public async Task After_an_urgent_check_exercises_wait_until_a_clinician_has_looked()
    {
        var adapter = bot.NewConversation();
        await bot.SeedAsync(adapter, p =>
        {
            p.Side = "left";
            p.LastTriage = new TriageRecord { Level = "urgent", On = bot.Clock.GetUtcNow() };
        });

        await bot.Flow(adapter)
            .Send("toe lifts")
            .AssertReplyContains("Has a clinician looked at your foot")
            .Send("no")
            .Says(T[TextKeys.SafetyWaitForClinician])
            .StartTestAsync();
    }

    [Fact]
    public async Task A_whole_session_runs_all_four_exercises_in_order()
    {
        var adapter = bot.NewConversation();
        await bot.SeedReadyForExercisesAsync(adapter);
        var flow = bot.Flow(adapter)
            .Send("Exercises").Says(T[TextKeys.ExercisePick])
            .Send(T[TextKeys.ExerciseSession]).AssertReplyContains("since you last checked in")
            .Send("no");

        foreach (var id in bot.Content.Session)
        {
            var exercise = bot.Content.Exercise(id);
            flow = flow.AssertReplyContains(exercise.Title + ".").SkipReplies(1);
            flow = exercise.Setup.Aggregate(flow, (f, _) => f.AssertReplyContains("Getting ready").Send("next"));
            flow = flow.AssertReplyContains("ep 1 of").Send("I did all reps");
            flow = exercise.TargetSets is null ? flow : flow.AssertReplyContains("Set 1 of 3 done").Send("Finish this exercise");
            flow = flow.Says(T.Get(TextKeys.ExerciseDone, ("title", exercise.Title))).Says(T[TextKeys.PainPrompt]).Send("1");
            if (id != bot.Content.Session[^1])
            {
                var next = bot.Content.Exercise(bot.Content.Session[bot.Content.Session.ToList().IndexOf(id) + 1]);
                flow = flow.Says(T.Get(TextKeys.SessionNext, ("title", next.Title)));
            }
        }

        await flow.Says(T.Get(TextKeys.SessionDone, ("count", 4))).StartTestAsync();

        var session = Assert.Single((await bot.ProfileAsync(adapter)).Sessions);
        Assert.Equal(bot.Content.Session, session.Exercises);
        Assert.Equal(1, session.MaxPain);
    }

    [Fact]
    public async Task Progress_counts_this_weeks_sessions_and_the_streak_across_days()
    {
        var adapter = bot.NewConversation();
        var today = DateOnly.FromDateTime(bot.Clock.GetLocalNow().DateTime);
        await bot.SeedAsync(adapter, p =>
        {
            p.AddSession(new SessionRecord { Date = today.AddDays(-9), Exercises = ["toe-lifts"], Sets = 1, MaxPain = 1 });
            p.AddSession(new SessionRecord { Date = today.AddDays(-1), Exercises = ["toe-lifts"], Sets = 3, MaxPain = 2 });
            p.AddSession(new SessionRecord { Date = today, Exercises = ["calf-stretch"], Sets = 1, MaxPain = 0 });
        });

        await bot.Flow(adapter)
            .Send("my progress")
            .AssertReplyContains("finished 1 sessions", "streak is 2 days")
            .StartTestAsync();
    }

    private TestFlow Begin(TestFlow flow, Exercise exercise)
        => flow
            .Send(exercise.Title)
            .AssertReplyContains("since you last checked in")
            .Send("no")
            .Says(T.Get(TextKeys.ExerciseIntro, ("title", exercise.Title), ("purpose", exercise.Purpose), ("targets", exercise.Targets)))
            .AssertReplyContains($"Hold {exercise.Hold.MinSeconds} to {exercise.Hold.MaxSeconds} seconds", exercise.Reps.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private TestFlow ToPainQuestion(TestFlow flow, string exerciseId)
    {
        var exercise = bot.Content.Exercise(exerciseId);
        flow = Begin(flow, exercise);
        flow = exercise.Setup.Aggregate(flow, (f, _) => f.AssertReplyContains("Getting ready").Send("next"));
        flow = flow.AssertReplyContains("ep 1 of").Send("I did all reps");
        if (exercise.TargetSets is not null)
        {
            flow = flow.AssertReplyContains("done").Send("Finish this exercise");
        }

        return flow.SkipReplies(1).Says(T[TextKeys.PainPrompt]);
    }

    /// <summary>Every set-up step, then every step of every rep of every set, in order, with the counts said.</summary>
    private TestFlow WalkAll(TestFlow flow, Exercise exercise, string side)
    {
        string Fill(ExerciseStep step) => T.Fill(step.Text, ("leg", T[$"side.{side}.leg"]), ("foot", T[$"side.{side}.foot"]), ("min", exercise.Hold.MinSeconds), ("max", exercise.Hold.MaxSeconds));

        for (var i = 0; i < exercise.Setup.Count; i++)
        {
            flow = flow.AssertReplyContains($"Getting ready ({i + 1} of {exercise.Setup.Count})", Fill(exercise.Setup[i])).Send("next");
        }

        var sets = exercise.TargetSets ?? 1;
        for (var set = 1; set <= sets; set++)
        {
            for (var rep = 1; rep <= exercise.Reps; rep++)
            {
                foreach (var step in exercise.Repetition)
                {
                    var counter = exercise.TargetSets is null ? $"Rep {rep} of {exercise.Reps}" : $"Set {set} of {sets}, rep {rep} of {exercise.Reps}";
                    flow = flow.AssertReplyContains(counter, Fill(step)).Send("next");
                }

                if (rep < exercise.Reps)
                {
                    flow = flow.Says(T.Get(TextKeys.ExerciseRepDone, ("rep", rep), ("reps", exercise.Reps)));
                }
            }

            if (set < sets)
            {
                flow = flow.Says(T.Get(TextKeys.ExerciseSetDone, ("set", set), ("sets", sets))).Send("next set");
            }
        }

        return flow;
    }
}
