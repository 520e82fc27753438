using FootDrop.Content.Loading;
using FootDrop.Content.Model;
using FootDrop.Content.Triage;

namespace FootDrop.Content.Tests;

/// <summary>
/// Every fact of the source article (/work/shared/seed/foot-drop-article.txt) is in the content, exactly, in the
/// message where the user meets it: each exercise's hold seconds, reps and sets, where the affected leg goes, and each
/// warning sign. Steps and messages are filled the way the exercise coach fills them (the affected side's words, the
/// hold's seconds, the rep counters), so the numbers checked are the ones on the user's screen.
/// </summary>
public sealed class ArticleFactsTests
{
    private static readonly ContentCatalog Content = ContentLoader.LoadFromDirectory(RepoPaths.Dialogs, ContentLoadingTests.Requirements);
    private static readonly TriageScript Triage = TriageLoader.LoadScript(RepoPaths.Dialogs);

    private static string AllText => string.Join(" ", Content.Sections.SelectMany(s => s.Messages.Append(s.Title))
        .Concat(Content.Exercises.SelectMany(e => e.Setup.Concat(e.Repetition).Select(s => s.Text).Append(e.Purpose).Append(e.Targets)))).ToLowerInvariant();

    [Theory]
    [InlineData("peroneal nerve")]
    [InlineData("multiple sclerosis")]
    [InlineData("stroke")]
    [InlineData("muscular dystrophy")]
    [InlineData("spinal injury")]
    [InlineData("herniated")]
    [InlineData("dorsiflexion")]
    [InlineData("drop foot")]
    [InlineData("not an illness")]
    [InlineData("trip")]
    [InlineData("thigh")]
    [InlineData("stairs")]
    [InlineData("inflammation")]
    [InlineData("permanent")]
    [InlineData("physical therapist")]
    [InlineData("tibialis anterior")]
    [InlineData("toe extensors")]
    [InlineData("calf muscles")]
    [InlineData("ankle-foot orthosis")]
    [InlineData("severe")]
    public void The_content_states(string fact) => Assert.Contains(fact, AllText);

    [Theory]
    [InlineData("calf-stretch", 20, 30, "Hold that stretch for 20 to 30 seconds, then relax.")]
    [InlineData("toe-lifts", 2, 3, "Hold your toes up for 2 to 3 seconds, then let them down.")]
    [InlineData("seated-dorsiflexion", 2, 3, "Pause at the top for 2 to 3 seconds, then lower your foot slowly.")]
    [InlineData("band-dorsiflexion", 2, 3, "Hold for 2 to 3 seconds, then let your foot go back slowly.")]
    public void Each_exercise_is_held_for_the_articles_seconds(string id, int minSeconds, int maxSeconds, string holdStepSays)
    {
        var exercise = Content.Exercise(id);

        Assert.Equal(new HoldTime(minSeconds, maxSeconds), exercise.Hold);
        Assert.Equal(holdStepSays, StepAsSaid(exercise, Assert.Single(exercise.Repetition, s => s.Kind == StepKind.Hold), "left"));
        Assert.StartsWith($"Hold {minSeconds} to {maxSeconds} seconds each time", Dosage(exercise));
    }

    [Theory]
    [InlineData("calf-stretch", 3, null, "do it 3 times per session.", "Rep 1 of 3: ")]
    [InlineData("toe-lifts", 10, 3, "Do 10 reps, working up to 3 sets.", "Set 1 of 3, rep 1 of 10: ")]
    [InlineData("seated-dorsiflexion", 10, 3, "Do 10 reps, working up to 3 sets.", "Set 1 of 3, rep 1 of 10: ")]
    [InlineData("band-dorsiflexion", 10, 3, "Do 10 reps, working up to 3 sets.", "Set 1 of 3, rep 1 of 10: ")]
    public void Each_exercise_has_the_articles_reps_and_sets(string id, int reps, int? sets, string dosageEndsWith, string firstRepStartsWith)
    {
        var exercise = Content.Exercise(id);

        Assert.Equal(reps, exercise.Reps);
        Assert.Equal(sets, exercise.TargetSets);
        Assert.EndsWith(dosageEndsWith, Dosage(exercise));
        Assert.StartsWith(firstRepStartsWith, FirstRep(exercise, "left"));
    }

    [Theory]
    [InlineData("left", "Step your left leg back, about two feet (roughly 60 cm).")]
    [InlineData("right", "Step your right leg back, about two feet (roughly 60 cm).")]
    public void The_calf_stretch_steps_the_affected_leg_back_about_two_feet(string side, string stepSays)
    {
        var calfStretch = Content.Exercise("calf-stretch");

        Assert.Contains(stepSays, calfStretch.Setup.Select(s => StepAsSaid(calfStretch, s, side)));
    }

    [Fact]
    public void In_the_calf_stretch_the_affected_foot_is_the_back_foot_whose_heel_stays_down_and_whose_calf_is_stretched()
    {
        var calfStretch = Content.Exercise("calf-stretch");
        var steps = calfStretch.Setup.Concat(calfStretch.Repetition).Select(s => StepAsSaid(calfStretch, s, "right")).ToList();

        var stepBack = steps.FindIndex(s => s.StartsWith("Step your right leg back", StringComparison.Ordinal));
        Assert.True(stepBack >= 0, "the affected leg steps back");
        Assert.Contains("Keep the heel of that back foot down on the floor, and let your front knee bend a little.", steps[(stepBack + 1)..]);
        Assert.Contains("Lean forward slowly until you feel the calf of your back leg stretching.", steps[(stepBack + 1)..]);
    }

    [Theory]
    [InlineData("toe-lifts", "Keep the ball of your right foot pressed to the floor and raise your toes.")]
    [InlineData("seated-dorsiflexion", "Keep your heel on the floor and raise the front of your right foot.")]
    [InlineData("band-dorsiflexion", "Sit with your legs stretched out in front of you, then hook the band across the top of your right foot.")]
    public void Each_seated_exercise_works_the_affected_foot(string id, string stepSays)
    {
        var exercise = Content.Exercise(id);

        Assert.Contains(stepSays, exercise.Setup.Concat(exercise.Repetition).Select(s => StepAsSaid(exercise, s, "right")));
    }

    [Theory]
    [InlineData("calf-stretch", 3, 2)]
    [InlineData("toe-lifts", 1, 2)]
    [InlineData("seated-dorsiflexion", 1, 2)]
    [InlineData("band-dorsiflexion", 2, 2)]
    public void Each_exercise_has_the_articles_steps_with_one_hold_per_rep(string id, int setupSteps, int repetitionSteps)
    {
        var exercise = Content.Exercise(id);

        Assert.Equal(setupSteps, exercise.Setup.Count);
        Assert.Equal(repetitionSteps, exercise.Repetition.Count);
        Assert.Single(exercise.Repetition, s => s.Kind == StepKind.Hold);
    }

    [Theory]
    [InlineData("calf-stretch", "wall", "shoulder height", "two feet", "heel", "knee", "lean forward")]
    [InlineData("toe-lifts", "sit up straight", "ball of your", "raise your toes")]
    [InlineData("seated-dorsiflexion", "feet flat", "heel on the floor", "front of your", "lower your foot slowly")]
    [InlineData("band-dorsiflexion", "table leg", "legs stretched out", "hook the band across the top", "toward you", "leg still", "go back slowly")]
    public void Each_exercise_walks_the_articles_steps(string id, params string[] details)
    {
        var exercise = Content.Exercise(id);
        var steps = string.Join(" ", exercise.Setup.Concat(exercise.Repetition).Select(s => s.Text)).ToLowerInvariant();

        Assert.All(details, d => Assert.Contains(d, steps));
    }

    [Theory]
    [InlineData("calf-stretch", "calf")]
    [InlineData("toe-lifts", "toe extensors")]
    [InlineData("seated-dorsiflexion", "tibialis anterior")]
    [InlineData("band-dorsiflexion", "tibialis anterior")]
    public void Each_exercise_names_the_muscle_it_targets(string id, string muscle)
        => Assert.Contains(muscle, Content.Exercise(id).Targets);

    [Fact]
    public void A_whole_session_is_the_four_exercises_in_the_articles_order()
        => Assert.Equal(["calf-stretch", "toe-lifts", "seated-dorsiflexion", "band-dorsiflexion"], Content.Session);

    // The article's four reasons to "consult a healthcare provider immediately", in each message that names them:
    // the explanation of when to get help, the safety question before a later exercise session, the symptom check's
    // questions, and the advice that closes a routine symptom check.
    [Theory]
    [InlineData("sudden onset of foot weakness", "when-to-get-help", "if your foot weakness came on suddenly")]
    [InlineData("pain radiating down the leg", "when-to-get-help", "if you have pain spreading down your leg")]
    [InlineData("numbness or tingling", "when-to-get-help", "if you have numbness or tingling")]
    [InlineData("difficulty with balance or walking", "when-to-get-help", "if you are having trouble with balance or walking")]
    [InlineData("consult a healthcare provider immediately", "when-to-get-help", "Contact a healthcare provider straight away")]
    [InlineData("sudden onset of foot weakness", "safety-check-before-exercises", "new sudden weakness in your foot")]
    [InlineData("pain radiating down the leg", "safety-check-before-exercises", "pain shooting down your leg")]
    [InlineData("numbness or tingling", "safety-check-before-exercises", "numbness or tingling")]
    [InlineData("difficulty with balance or walking", "safety-check-before-exercises", "new trouble with balance or walking")]
    [InlineData("sudden onset of foot weakness", "symptom-check:sudden", "Did it come on suddenly")]
    [InlineData("pain radiating down the leg", "symptom-check:radiating-pain", "pain that shoots or spreads down your leg")]
    [InlineData("numbness or tingling", "symptom-check:numbness", "any numbness or tingling")]
    [InlineData("difficulty with balance or walking", "symptom-check:balance-walking", "trouble with your balance or with walking")]
    [InlineData("sudden onset of foot weakness", "routine-advice", "if your foot weakness suddenly gets worse")]
    [InlineData("pain radiating down the leg", "routine-advice", "pain shooting down your leg")]
    [InlineData("numbness or tingling", "routine-advice", "numbness or tingling")]
    [InlineData("difficulty with balance or walking", "routine-advice", "trouble with balance or walking")]
    public void Each_warning_sign_of_the_article_is_named_in_the_message_the_user_sees(string articleSays, string message, string messageSays)
        => Assert.True(
            MessageText(message).Contains(messageSays, StringComparison.Ordinal),
            $"The article's \"{articleSays}\": expected \"{messageSays}\" in {message}: \"{MessageText(message)}\"");

    /// <summary>A step as the exercise coach says it: the affected side's words and the hold's seconds filled in.</summary>
    private static string StepAsSaid(Exercise exercise, ExerciseStep step, string side) => TextCatalog.Fill(
        step.Text,
        ("leg", Content.Texts[$"side.{side}.leg"]),
        ("foot", Content.Texts[$"side.{side}.foot"]),
        ("min", exercise.Hold.MinSeconds),
        ("max", exercise.Hold.MaxSeconds));

    /// <summary>The message after an exercise's introduction that gives its hold, reps and sets.</summary>
    private static string Dosage(Exercise exercise) => exercise.TargetSets is { } sets
        ? Content.Texts.Format("exercise.dosage.sets", ("min", exercise.Hold.MinSeconds), ("max", exercise.Hold.MaxSeconds), ("reps", exercise.Reps), ("sets", sets))
        : Content.Texts.Format("exercise.dosage.session", ("min", exercise.Hold.MinSeconds), ("max", exercise.Hold.MaxSeconds), ("reps", exercise.Reps));

    /// <summary>The first step of the first rep, with its counter.</summary>
    private static string FirstRep(Exercise exercise, string side)
    {
        var text = StepAsSaid(exercise, exercise.Repetition[0], side);
        return exercise.TargetSets is { } sets
            ? Content.Texts.Format("exercise.repStepWithSet", ("set", 1), ("sets", sets), ("rep", 1), ("reps", exercise.Reps), ("text", text))
            : Content.Texts.Format("exercise.repStep", ("rep", 1), ("reps", exercise.Reps), ("text", text));
    }

    /// <summary>The text of one message the user sees, by a name for where it appears.</summary>
    private static string MessageText(string message) => message switch
    {
        // An explanation or an outcome arrives as one message of paragraphs.
        "when-to-get-help" => string.Join("\n\n", Content.Section("warning-signs").Messages),
        "routine-advice" => string.Join("\n\n", Triage.Outcomes[CareLevel.Routine]),
        "safety-check-before-exercises" => Content.Texts["safety.quickCheck"],
        "symptom-check:sudden" => Triage.Onset.SuddenPrompt,
        _ when message.StartsWith("symptom-check:", StringComparison.Ordinal) => Triage.Questions.Single(q => q.Id == message["symptom-check:".Length..]).Prompt,
        _ => throw new ArgumentOutOfRangeException(nameof(message), message, "No such message."),
    };
}
