using FootDrop.Content.Text;
using FootDrop.Content.Triage;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// The detector's own decisions on the small vocabulary of <see cref="SmallVocabulary"/>: which question comes with
/// urgent advice, how near two findings must be, what "unless" cancels, a sign that stopped only recently, whose sign
/// it is, and how a start is read. The words are the test's own, so these tests pin the code, not dialogs/.
/// </summary>
public sealed class DetectorLogicTests
{
    // Built in each test, not once for the class: mutation testing can only tell a changed constructor apart when the
    // constructor runs inside a test.
    private static RedFlagDetector Detector => SmallVocabulary.Detector();

    [Fact]
    public void An_urgent_sign_comes_with_the_question_about_every_emergency_sign()
    {
        var result = Detector.Detect("my foot went numb");

        Assert.Equal(CareLevel.Urgent, result.Level);
        Assert.Equal(["new-numbness"], result.RuleIds);
        Assert.Equal(DetectionSource.Rule, result.Source);
        Assert.Equal("clarify-emergency-signs", result.Clarify?.Id);
        Assert.Equal(["stroke-face-droop"], result.Suspected);
        Assert.False(result.AboutSomeoneElse);
    }

    [Fact]
    public void An_urgent_sign_with_a_hint_of_a_stroke_asks_about_the_stroke_first()
    {
        var result = Detector.Detect("my foot went numb and my face feels odd");

        Assert.Equal(CareLevel.Urgent, result.Level);
        Assert.Equal("clarify-stroke", result.Clarify?.Id);
    }

    [Fact]
    public void An_emergency_asks_nothing_more()
    {
        var result = Detector.Detect("my face drooping on one side");

        Assert.Equal(CareLevel.Emergency, result.Level);
        Assert.Equal(["stroke-face-droop"], result.RuleIds);
        Assert.Null(result.Clarify);
        Assert.Empty(result.Suspected);
    }

    [Fact]
    public void A_sign_reported_of_someone_else_is_marked_as_theirs()
        => Assert.True(Detector.Detect("his foot went numb").AboutSomeoneElse);

    [Theory]
    [InlineData("my toes keep catching and it started today")]
    [InlineData("it started today and now my toes keep catching")]
    public void A_rule_with_a_reach_fires_when_its_findings_are_near_each_other(string message)
    {
        var result = Detector.Detect(message);

        Assert.Equal(CareLevel.Urgent, result.Level);
        Assert.Contains("new-foot-drop", result.RuleIds);
    }

    [Fact]
    public void A_rule_with_a_reach_does_not_fire_on_findings_far_apart_and_asks_instead()
    {
        var result = Detector.Detect("my toes keep catching on the carpet in the hall and on the stairs and on the path by the shed and it started today");

        Assert.Equal(CareLevel.None, result.Level);
        Assert.Empty(result.RuleIds);
        Assert.Equal("clarify-leg", result.Clarify?.Id);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_rule_with_a_reach_fires_exactly_up_to_its_reach(bool timeFirst)
    {
        for (var fillers = 0; fillers <= 12; fillers++)
        {
            var gap = string.Join(' ', Enumerable.Repeat("la", fillers));
            var message = timeFirst ? $"it started {gap} toes catching" : $"my toes catching {gap} it started";
            var explanation = Detector.Explain(message);
            var sign = explanation.Mentions.Single(m => m.FindingId == "foot-drop-sign");
            var time = explanation.Mentions.Single(m => m.FindingId == "new-onset");
            var distance = timeFirst ? sign.Start - time.End : time.Start - sign.End;

            Assert.Equal(distance <= 8, explanation.Result.RuleIds.Contains("new-foot-drop"));
        }
    }

    [Fact]
    public void An_emergency_of_someone_else_told_with_an_urgent_sign_of_ones_own_is_theirs()
        => Assert.True(Detector.Detect("his face drooping and my foot went numb").AboutSomeoneElse);

    [Fact]
    public void A_start_only_supposed_is_not_read_as_sudden()
        => Assert.Null(Detector.ReadOnset("if it came on suddenly", "sudden-onset", "gradual-onset").Sudden);

    [Fact]
    public void An_unless_finding_cancels_its_rule()
    {
        var detector = SmallVocabulary.Detector(SmallVocabulary.Build(rules: [SmallVocabulary.Rule("new-numbness", CareLevel.Urgent, SignArea.Leg, ["numbness"], unless: ["falls"])]));

        Assert.Equal(CareLevel.Urgent, detector.Detect("my foot went numb").Level);
        Assert.Equal(CareLevel.None, detector.Detect("I fell and my foot went numb").Level);
    }

    [Fact]
    public void A_leg_sign_that_stopped_only_recently_is_asked_about()
    {
        var result = Detector.Detect("the numbness stopped yesterday");

        Assert.Equal(CareLevel.None, result.Level);
        Assert.Equal("clarify-leg", result.Clarify?.Id);
    }

    [Fact]
    public void A_stopped_leg_sign_told_with_a_stopped_emergency_sign_is_left_to_the_rules()
        => Assert.Null(Detector.Detect("the numbness and face drooping stopped yesterday").Clarify);

    [Fact]
    public void Nothing_to_read_is_nothing()
    {
        Assert.Equal(RedFlagResult.Nothing, Detector.Detect("   "));
        Assert.Equal(RedFlagResult.Nothing, Detector.Detect(null));
        Assert.Equal(new OnsetReading(null, null), Detector.ReadOnset("  ", "sudden-onset", "gradual-onset"));
    }

    [Theory]
    [InlineData("it came on suddenly", true)]
    [InlineData("it came on slowly", false)]
    [InlineData("suddenly at first and then slowly worse", true)]
    [InlineData("it did not come on suddenly", null)]
    public void A_start_is_sudden_or_slow_only_when_it_is_said_so(string answer, bool? sudden)
        => Assert.Equal(sudden, Detector.ReadOnset(answer, "sudden-onset", "gradual-onset").Sudden);

    [Theory]
    [InlineData("it has been creeping up for decades", 730)]
    [InlineData("it came on over months", 60)]
    public void A_start_with_no_date_but_months_or_years_is_not_recent(string answer, double days)
        => Assert.Equal(days, Detector.ReadOnset(answer, "sudden-onset", "gradual-onset").AgeDays);

    [Fact]
    public void The_most_recent_date_in_a_start_wins()
    {
        var age = Detector.ReadOnset("a weak ankle for ten years but the foot drop began 3 days ago", "sudden-onset", "gradual-onset").AgeDays;

        Assert.NotNull(age);
        Assert.InRange(age!.Value, 2, 4);
    }

    [Fact]
    public void An_urgent_sign_with_only_a_hint_about_the_leg_still_asks_about_every_emergency_sign()
    {
        var result = Detector.Detect("my foot went numb and my foot feels funny");

        Assert.Equal(CareLevel.Urgent, result.Level);
        Assert.Equal("clarify-emergency-signs", result.Clarify?.Id);
    }

    [Fact]
    public void With_hints_of_a_stroke_and_of_the_leg_the_stroke_is_asked_about_first()
    {
        var result = Detector.Detect("my face feels odd and my foot feels funny");

        Assert.Equal(CareLevel.None, result.Level);
        Assert.Equal("clarify-stroke", result.Clarify?.Id);
    }

    private static RedFlagDetector ThreeNear => SmallVocabulary.Detector(SmallVocabulary.Build(rules:
    [
        SmallVocabulary.Rule("three-near", CareLevel.Urgent, SignArea.Leg, [["foot-drop-sign"], ["new-onset"], ["falls"]], within: 3),
    ]));

    [Fact]
    public void A_rule_with_a_distance_fires_when_every_finding_is_near_the_first()
        => Assert.Equal(["three-near"], ThreeNear.Detect("toes catching started and I fell").RuleIds);

    [Fact]
    public void A_rule_with_a_distance_does_not_fire_when_one_finding_is_far_from_the_first()
        => Assert.Empty(ThreeNear.Detect("toes catching started and then we went to the shops for a long while and I fell").RuleIds);

    [Fact]
    public void A_rule_with_a_distance_fires_when_any_mention_of_the_first_finding_has_the_others_near()
        => Assert.Equal(["three-near"], ThreeNear.Detect("toes catching at the shops for a long while in the rain and then toes catching started and I fell").RuleIds);

    [Fact]
    public void A_rule_with_a_distance_needs_only_one_mention_of_each_other_finding_near()
        => Assert.Equal(["three-near"], ThreeNear.Detect("toes catching new and I fell then we went to the shops for a long while and it started").RuleIds);

    [Fact]
    public void A_start_over_years_with_no_date_is_long_ago()
        => Assert.Equal(730, Detector.ReadOnset("over the years", "sudden-onset", "gradual-onset").AgeDays);

    [Fact]
    public void The_detector_says_which_findings_it_knows()
    {
        Assert.True(Detector.HasFinding("numbness"));
        Assert.False(Detector.HasFinding("no-such-finding"));
    }

    [Fact]
    public void An_empty_message_finds_nothing_about_anyone()
    {
        var result = Detector.Detect("   ");

        Assert.Equal(CareLevel.None, result.Level);
        Assert.False(result.AboutSomeoneElse);
        Assert.Null(result.Clarify);
    }

    [Fact]
    public void Urgent_signs_of_the_writer_and_of_someone_else_together_are_not_only_someone_elses()
    {
        var result = Detector.Detect("my foot went numb and my husband fell");

        Assert.Equal(CareLevel.Urgent, result.Level);
        Assert.False(result.AboutSomeoneElse);
    }

    [Fact]
    public void A_hint_about_my_husband_is_asked_about_for_him()
    {
        var result = Detector.Detect("my husband has a funny foot");

        Assert.Equal("clarify-leg", result.Clarify?.Id);
        Assert.True(result.AboutSomeoneElse);
    }

    [Fact]
    public void A_hint_about_myself_beside_a_word_for_someone_else_is_still_mine()
    {
        var result = Detector.Detect("i have a funny foot, dad");

        Assert.Equal("clarify-leg", result.Clarify?.Id);
        Assert.False(result.AboutSomeoneElse);
    }

    [Fact]
    public void A_leg_sign_in_a_message_about_a_long_standing_problem_is_asked_about_not_assumed()
    {
        var result = Detector.Detect("my toes are tingling. the foot drop I have had for years");

        Assert.Equal(CareLevel.None, result.Level);
        Assert.Equal("clarify-leg", result.Clarify?.Id);
        Assert.Equal(["new-numbness"], result.Suspected);
    }
    /// <summary>The small vocabulary with an urgent sign that is not about the leg, and no hint rules.</summary>
    private static RedFlagDetector WithDizziness => SmallVocabulary.Detector(SmallVocabulary.Build(
        findings: [.. SmallVocabulary.Findings, SmallVocabulary.Find("dizzy", "dizzy")],
        rules:
        [
            SmallVocabulary.Rule("stroke-face-droop", CareLevel.Emergency, SignArea.Stroke, ["face-droop"]),
            SmallVocabulary.Rule("new-numbness", CareLevel.Urgent, SignArea.Leg, ["numbness"]),
            SmallVocabulary.Rule("dizziness", CareLevel.Urgent, SignArea.Stroke, ["dizzy"]),
        ]));

    [Fact]
    public void A_leg_sign_that_stopped_only_recently_is_asked_about_even_with_no_hint_rule()
        => Assert.Equal("clarify-leg", WithDizziness.Detect("the numbness stopped yesterday").Clarify?.Id);

    [Fact]
    public void An_urgent_sign_not_of_the_leg_that_stopped_recently_does_not_raise_the_leg_question()
        => Assert.Null(WithDizziness.Detect("the dizzy spells stopped yesterday").Clarify);

    [Fact]
    public void A_leg_sign_and_another_sign_that_stopped_recently_are_asked_about_for_the_leg()
        => Assert.Equal("clarify-leg", WithDizziness.Detect("the numbness and the dizzy spells stopped yesterday").Clarify?.Id);

    [Fact]
    public void Only_a_time_word_that_stopped_recently_raises_no_leg_question()
    {
        var detector = SmallVocabulary.Detector(SmallVocabulary.Build(
            findings: [.. SmallVocabulary.Findings, SmallVocabulary.Find("dizzy", "dizzy")],
            rules:
            [
                SmallVocabulary.Rule("new-foot-drop", CareLevel.Urgent, SignArea.Leg, [["foot-drop-sign"], ["new-onset"]]),
                SmallVocabulary.Rule("dizziness", CareLevel.Urgent, SignArea.Stroke, ["dizzy"]),
            ]));

        Assert.Null(detector.Detect("it started yesterday and stopped").Clarify);
    }

    [Fact]
    public void Urgent_signs_of_the_leg_and_elsewhere_with_a_long_standing_problem_are_urgent_not_asked_about()
    {
        var result = WithDizziness.Detect("my toes are tingling and I am dizzy. the foot drop I have had for years");

        Assert.Equal(CareLevel.Urgent, result.Level);
        Assert.Equal(["new-numbness", "dizziness"], result.RuleIds);
    }
    [Fact]
    public void A_sign_and_its_place_are_read_together_across_the_cut_of_a_run_on_sentence()
    {
        // Sixty tokens without a stop or a comma: the reading cuts the sentence between "toes" and "catching".
        var runOn = string.Join(' ', Enumerable.Repeat("la", NormalizedText.MaxSentenceTokens - 1)) + " toes catching and it started today";

        Assert.Contains("new-foot-drop", Detector.Detect(runOn).RuleIds);
    }

    [Fact]
    public void A_sign_and_a_place_in_different_sentences_are_not_read_together()
        => Assert.DoesNotContain("new-foot-drop", Detector.Detect("my toes are fine today. catching the bus started it").RuleIds);
    [Fact]
    public void A_detector_given_a_clock_reads_dates_with_it()
    {
        var inTenYears = new RedFlagDetector(SmallVocabulary.Build(), new FixedClock(Detectors.Now.AddYears(10)));

        Assert.Equal(CareLevel.None, inTenYears.Detect($"my foot went numb in {Detectors.Now.Year + 8}").Level);
    }

    [Fact]
    public void A_detector_given_no_clock_reads_with_the_system_clock()
        => Assert.Equal(CareLevel.Urgent, new RedFlagDetector(SmallVocabulary.Build()).Detect("my toes keep catching and it started today").Level);

    [Theory]
    [InlineData("yes")]
    [InlineData("yeah")]
    [InlineData("yep")]
    [InlineData("yup")]
    [InlineData("yea")]
    [InlineData("aye")]
    [InlineData("ya")]
    public void A_short_yes_that_something_is_new_gets_the_leg_question(string yes)
        => Assert.Equal("clarify-leg", Detector.Detect($"{yes}, new since monday").Clarify?.Id);

    [Fact]
    public void A_yes_of_twelve_words_that_something_is_new_gets_the_leg_question()
        => Assert.Equal("clarify-leg", Detector.Detect("yes it is new one two three four five six seven eight").Clarify?.Id);

    [Fact]
    public void A_yes_of_thirteen_words_is_a_message_of_its_own_not_a_short_answer()
        => Assert.Null(Detector.Detect("yes it is new one two three four five six seven eight nine").Clarify);

    [Fact]
    public void A_bare_yes_asks_nothing()
        => Assert.Null(Detector.Detect("yes").Clarify);

    [Fact]
    public void Something_new_without_a_yes_asks_nothing()
        => Assert.Null(Detector.Detect("it is new since monday").Clarify);

    [Fact]
    public void A_short_yes_with_nothing_new_or_recent_asks_nothing()
        => Assert.Null(Detector.Detect("yes it was fine").Clarify);

    [Fact]
    public void A_short_yes_that_names_a_sign_gets_its_advice_not_the_question()
        => Assert.Equal(CareLevel.Urgent, Detector.Detect("yes my foot went numb, new").Level);

    [Fact]
    public void A_short_yes_naming_only_a_body_part_asks_nothing()
        => Assert.Null(Detector.Detect("yes, the leg").Clarify);
}
