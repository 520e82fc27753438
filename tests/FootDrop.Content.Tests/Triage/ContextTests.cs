using FootDrop.Content.Triage;
using FootDrop.Content.Triage.Reading;

namespace FootDrop.Content.Tests.Triage;

/// <summary>How the context of a sign changes what it means: negated, in the past, hypothetical, general, whose.</summary>
public sealed class ContextTests
{
    private static RedFlagDetector Detector => Detectors.RulesOnly;

    [Theory]
    [InlineData("no numbness or tingling")]
    [InlineData("I don't have any pins and needles or shooting pain")]
    [InlineData("tingling? no. numbness? also no")]
    [InlineData("falls? not for ages")]
    [InlineData("negative on the numbness, negative on the tingles")]
    [InlineData("my legs feel normal")]
    [InlineData("nah never had any numbness down there")]
    [InlineData("no leaking, no trouble peeing, bowels regular")]
    [InlineData("seeing double never. sight is fine")]
    [InlineData("tingles not. just the same old weak ankle")]
    public void A_denied_sign_raises_no_alarm(string message) => AssertCalm(message);

    [Theory]
    [InlineData("no pain but my foot went numb", "new-numbness-or-tingling")]
    [InlineData("no, my foot is numb", "new-numbness-or-tingling")]
    [InlineData("no pain, my foot has gone numb", "new-numbness-or-tingling")]
    [InlineData("his mouth is all crooked and he nah answer me", "stroke-face-droop")]
    [InlineData("I can't lift my foot since Tuesday", "new-foot-drop")]
    [InlineData("she can't move her legs none", "both-legs-weak-or-numb")]
    [InlineData("my foot went numb yesterday, no back pain", "new-numbness-or-tingling")]
    [InlineData("my foot went numb yesterday. no back stuff", "new-numbness-or-tingling")]
    [InlineData("the numbness has not gone", "new-numbness-or-tingling")]
    [InlineData("one day last week his leg went dead", "leg-paralysis")]
    [InlineData("me old man's mouth is droopin down on the left", "stroke-face-droop")]
    public void A_negation_reaches_only_its_own_clause(string message, string ruleId)
        => Assert.Contains(ruleId, Detector.Detect(message).RuleIds);

    [Theory]
    [InlineData("his face has all dropped down on the left, he had the mini stroke last year and they told us to watch for this")]
    [InlineData("her mouth is hanging down, she had a small stroke in 2019")]
    [InlineData("his words are coming out like mush, he had the mini stroke last year")]
    [InlineData("I am slurring my words, I had a TIA last year")]
    [InlineData("my arms have gone weak, I had the mini stroke last year")]
    [InlineData("his face has all dropped, he had the little mini stroke last year")]
    public void A_past_event_dated_in_its_own_clause_leaves_a_sign_told_in_the_present_present(string message)
        => Assert.Equal(CareLevel.Emergency, Detector.Detect(message).Level);

    [Fact]
    public void A_sign_told_in_the_past_beside_the_dated_event_is_part_of_that_past()
        => Assert.Contains(Detector.Explain("dad had a mini stroke last year, his face went droopy for an hour").Mentions, m => m.FindingId == "face-droop" && m.Status == MentionStatus.Historical);

    [Fact]
    public void A_had_more_than_five_words_before_the_time_does_not_date_it()
        => Assert.Contains(Detector.Explain("his face has all dropped, he had the one little mini stroke last year").Mentions, m => m.FindingId == "face-droop" && m.Status == MentionStatus.Historical);

    [Fact]
    public void A_sign_had_in_the_same_clause_as_its_date_is_still_the_past()
        => AssertCalm("he had numbness in his face last year, all gone now");

    [Fact]
    public void A_foot_that_was_always_good_is_not_long_standing_news()
        => Assert.Contains(Detector.Explain("the one that always been good, now slapping down when I walk").Mentions, m => m.FindingId == "bare-sign" && m.Status == MentionStatus.Affirmed);

    [Theory]
    [InlineData("what do they mean by saddle numbness, heard it on the tv")]
    [InlineData("saddle numbness, what do they mean")]
    public void Asking_what_they_mean_by_a_sign_is_a_general_question_not_someone_elses_sign(string message)
        => AssertCalm(message);

    [Fact]
    public void An_inability_listed_after_another_is_reported_not_denied_by_the_list()
        => Assert.Contains("leg-paralysis", Detector.Detect("now she cant bend the knee, cant lift the leg off the bed at all").RuleIds);

    [Theory]
    [InlineData("I had sciatica years ago but it went away")]
    [InlineData("the tingling stopped months ago")]
    [InlineData("his arm went numb last week because he'd slept on it, fine within minutes and nothing since")]
    [InlineData("my mate had shooting pain down her leg last year but it's totally gone now")]
    [InlineData("the pins and needles I had in the spring went off after a couple of weeks")]
    [InlineData("my brother got a numb foot at the wedding last month but went away after an hour")]
    [InlineData("the tingling round my privates before the op went after they fixed my disc, never come back")]
    public void A_sign_that_is_over_raises_no_alarm(string message) => AssertCalm(message);

    [Theory]
    [InlineData("my foot has been numb for 10 years, my neurologist knows, nothing new")]
    [InlineData("I've had foot drop for six years since my stroke, same as always")]
    [InlineData("both feet have dropped gradually since my teens with CMT")]
    [InlineData("numb toes since 2015, the diabetes nurse checks them")]
    public void A_long_standing_unchanged_sign_raises_no_alarm(string message)
        => Assert.False(Detector.Detect(message).IsRedFlag, message);

    [Fact]
    public void A_recent_start_in_the_same_clause_outweighs_a_long_standing_marker()
        => Assert.Equal(CareLevel.Emergency, Detector.Detect("both legs gone heavy and numb since lunchtime, and the right one's always been my good leg").Level);

    [Theory]
    [InlineData("what should I do if my foot goes numb during the stretch?")]
    [InlineData("what if my good foot starts dragging too")]
    [InlineData("am I more likely to fall with a dropped foot?")]
    [InlineData("the doctor asked me about saddle numbness")]
    public void A_hypothetical_sign_raises_no_alarm(string message) => AssertCalm(message);

    [Theory]
    [InlineData("my mum wants to know if her face drooping on one side since this morning is a stroke", CareLevel.Emergency)]
    [InlineData("dad asked me if his face dropping 2 hours ago means a stroke", CareLevel.Emergency)]
    [InlineData("her son asked me if her new foot slap since the bypass 4 days ago is normal after anaesthesia", CareLevel.Urgent)]
    [InlineData("mum wants to know if her tingling foot 3 days ago means something", CareLevel.Urgent)]
    [InlineData("mum wants to know if her face drooping since this morning is a stroke", CareLevel.Emergency)]
    [InlineData("Should I be worried that dad can't get his words out since tea time", CareLevel.Emergency)]
    public void Asking_about_a_sign_dated_since_it_began_reports_it(string message, CareLevel level)
        => Assert.Equal(level, Detector.Detect(message).Level);

    [Theory]
    [InlineData("is a sudden terrible headache something to worry about, it just started", CareLevel.Emergency)]
    [InlineData("is a sudden terrible headache something to worry about? it started 10 minutes ago", CareLevel.Emergency)]
    [InlineData("is a numb foot something to worry about, it started yesterday", CareLevel.Urgent)]
    public void A_question_about_a_sign_followed_by_when_it_began_reports_it(string message, CareLevel level)
        => Assert.Equal(level, Detector.Detect(message).Level);

    [Theory]
    [InlineData("is numbness in the foot normal with foot drop, mine started after my op 3 years ago")]
    [InlineData("is a sudden headache something to worry about? not that I have one")]
    public void A_question_about_a_sign_followed_by_an_old_or_denied_start_stays_a_question(string message) => AssertCalm(message);

    [Theory]
    [InlineData("no numbness before but now there is, outside of the foot")]
    [InlineData("no tingling before but now I have it in both feet")]
    [InlineData("no numbness before but right now there is")]
    [InlineData("no tingling before but now")]
    [InlineData("no numbness before but now\nno idea why")]
    public void A_denial_of_before_followed_by_now_reports_the_sign(string message)
        => Assert.Equal(CareLevel.Urgent, Detector.Detect(message).Level);

    [Theory]
    [InlineData("I had no numbness before the operation")]
    [InlineData("no tingling. not before, not now.")]
    [InlineData("no numbness before, now not either")]
    public void A_denial_of_before_without_a_now_that_reports_it_stays_a_denial(string message) => AssertCalm(message);

    [Theory]
    [InlineData("if my mum can't wee for a whole day, is that an emergency or the GP?")]
    [InlineData("I wondered if the foot was worse last week but it came back to normal")]
    [InlineData("2 days ago I convinced myself my face was drooping")]
    public void A_supposition_with_a_time_that_is_not_its_start_stays_a_supposition(string message) => AssertCalm(message);

    [Theory]
    [InlineData("what are the signs of a stroke?")]
    [InlineData("is numbness a warning sign?")]
    [InlineData("is double vision a stroke sign?")]
    [InlineData("why would a knee op cause foot drop")]
    [InlineData("does the foot ever recover after a stroke?")]
    public void A_general_question_reports_nothing(string message)
    {
        var mentions = Detector.Explain(message).Mentions.Where(m => !Detector.Vocabulary.Findings.Any(f => f.Id == m.FindingId && f.Timing is not null)).ToList();

        Assert.All(mentions, m => Assert.NotEqual(MentionStatus.Affirmed, m.Status));
        Assert.False(Detector.Detect(message).IsRedFlag);
    }

    [Theory]
    [InlineData("is it serious that his face is drooping?")]
    [InlineData("why is my foot numb?")]
    [InlineData("is it normal the foot is going weaker every week?")]
    [InlineData("is it normal the face is drooping on one side?")]
    [InlineData("is it a stroke if the mouth is hanging down on one side since lunch")]
    public void A_question_about_someone_reports_the_sign(string message) => Assert.True(Detector.Detect(message).IsRedFlag, message);

    [Theory]
    [InlineData("my husband's face is drooping", true)]
    [InlineData("my dad can't lift his arm", true)]
    [InlineData("my face is drooping", false)]
    [InlineData("my husband says my words are jumbled", false)]
    public void Whose_sign_it_is_decides_the_wording(string message, bool someoneElse)
    {
        var result = Detector.Detect(message);

        Assert.Equal(CareLevel.Emergency, result.Level);
        Assert.Equal(someoneElse, result.AboutSomeoneElse);
    }

    [Fact]
    public void A_pseudo_trigger_is_not_a_negation()
        => Assert.True(Detector.Detect("not sure what's going on but my foot is numb").IsRedFlag);

    [Fact]
    public void A_sign_the_negation_word_belongs_to_is_still_a_sign()
        => Assert.Contains("new-foot-drop", Detector.Detect("my foot won't lift since I woke up").RuleIds);

    [Fact]
    public void A_run_on_message_is_read_in_pieces_without_losing_a_sign_at_its_end()
    {
        var message = string.Join(' ', Enumerable.Repeat("I walked to the shop and back with the dog and it was fine and I had no pain at all and", 200)) + " now my face is drooping";

        Assert.Equal(CareLevel.Emergency, Detector.Detect(message).Level);
    }

    [Fact]
    public void A_sign_at_the_end_of_a_message_far_beyond_every_limit_is_still_found()
    {
        var message = string.Join(' ', Enumerable.Repeat("I walked to the shop and back.", 4000)) + " Now my foot is numb.";

        Assert.True(message.Length > 100_000);
        Assert.True(Detector.Detect(message).IsRedFlag);
    }

    [Theory]
    [InlineData("the shooting pain down my leg stopped but it did it again this morning", "radiating-leg-pain")]
    [InlineData("my old tingles have moved, they're up in my left calf now since Sunday", "new-numbness-or-tingling")]
    public void A_sign_that_came_back_or_changed_is_current(string message, string ruleId)
        => Assert.Contains(ruleId, Detector.Detect(message).RuleIds);

    [Fact]
    public void A_year_in_a_clause_about_someone_else_does_not_make_the_sign_old()
        => Assert.Contains("stroke-confusion", Detector.Detect("grandad doesn't know what day it is, keeps asking for his brother who died in 1998, he was fine at lunch").RuleIds);

    [Fact]
    public void Falls_counted_since_a_date_long_ago_are_not_put_in_the_past()
    {
        var explained = Detector.Explain("she has gone over four times since March");

        Assert.Contains(explained.Mentions, m => m.FindingId == "falls" && m.Status == MentionStatus.Affirmed);
        Assert.NotNull(explained.Result.Clarify);
    }

    [Fact]
    public void A_sign_denied_only_until_a_recent_time_is_there_now()
        => Assert.Contains("new-foot-drop", Detector.Detect("my dad never had a foot that catches on the rug until this week").RuleIds);

    [Fact]
    public void Worse_than_at_a_date_long_ago_is_worse_now()
        => Assert.Contains("balance-or-walking-trouble", Detector.Detect("his balance is a lot worse than in the summer, he grabs the furniture now").RuleIds);

    [Fact]
    public void A_date_the_sign_is_denied_at_does_not_put_the_sign_in_the_past()
        => Assert.Contains("getting-worse", Detector.Detect("the weakness has spread from her ankle up to her knee, it wasn't like that in the spring").RuleIds);

    [Fact]
    public void Saying_this_is_new_outweighs_an_old_history_in_the_same_sentence()
        => Assert.Equal(CareLevel.Emergency, Detector.Detect("grandad had a stroke years ago, his words are all slurred tonight and this is new").Level);

    [Fact]
    public void Asking_whether_foot_drop_makes_people_fall_reports_no_fall()
        => Assert.DoesNotContain("falls", Detector.Detect("will my foot drop make me fall when I'm older").RuleIds);

    [Fact]
    public void A_message_typed_in_fragments_is_read_as_one_thought()
        => Assert.Equal(CareLevel.Emergency, Detector.Detect("head. worst. ever. came on fast").Level);

    [Fact]
    public void Not_capable_to_is_read_as_cannot_and_is_no_denial()
        => Assert.Contains("new-foot-drop", Detector.Detect("since yesterday my brother is not capable to lift his toes").RuleIds);

    [Fact]
    public void Week_six_of_a_timeline_counts_from_the_story_not_from_january()
        => Assert.Contains("twitching-or-wasting-with-weakness", Detector.Detect("week 1 I noticed the foot slapping. week 6 the calf looks thinner and twitches").RuleIds);

    [Fact]
    public void Falls_counted_since_a_date_long_ago_are_still_going_on()
        => Assert.Contains("falls", Detector.Detect("had three tumbles since easter").RuleIds);

    [Fact]
    public void A_numbness_that_has_not_worn_off_is_still_there()
        => Assert.Equal(CareLevel.Urgent, Detector.Detect("his left foot has felt asleep and prickly since he got up and it hasn't worn off").Level);

    [Fact]
    public void A_splint_that_does_not_fit_any_more_does_not_deny_a_worse_foot()
        => Assert.Contains("getting-worse", Detector.Detect("the splint doesnt fit right anymore and the foot's worse").RuleIds);

    [Fact]
    public void A_run_on_n_now_starts_a_new_clause_after_an_old_history()
    {
        var result = Detector.Detect("been doin deep squats for ages n now me foot kinda flaps when i run");

        Assert.True(result.Level >= CareLevel.Urgent || result.Clarify is not null, $"{result.Level}, no question");
    }

    [Fact]
    public void A_but_ends_a_condition_so_what_follows_is_reported()
        => Assert.Contains("new-numbness-or-tingling", Detector.Detect("dont no if this is your thing but the numbness has crept up past my knee").RuleIds);

    [Fact]
    public void A_condition_still_runs_past_just()
        => Assert.Equal(CareLevel.None, Detector.Detect("what if my leg just goes numb during the stretch").Level);

    [Fact]
    public void Also_no_answers_the_second_question()
        => Assert.Equal(CareLevel.None, Detector.Detect("Any numbness? No. Any tingling? Also no. Only she is lazy to do the exercises").Level);

    [Fact]
    public void Back_in_the_day_is_long_ago_not_today()
        => Assert.DoesNotContain("stroke-face-droop", Detector.Detect("her face was droopy back in the day, she only wants the foot exercises").RuleIds);

    [Fact]
    public void The_date_of_a_death_is_not_when_the_signs_began()
        => Assert.Equal(CareLevel.Emergency, Detector.Detect("mum woke up not making sense, calling me by my gran's name, gran passed 10 years ago").Level);

    [Fact]
    public void Kneeling_for_ages_says_how_long_she_knelt_not_how_old_the_foot_drop_is()
        => Assert.Contains("new-foot-drop", Detector.Detect("my foot went floppy after kneeling for ages fixing the bike").RuleIds);

    [Fact]
    public void A_tight_calf_is_no_full_bladder()
        => Assert.Equal(CareLevel.None, Detector.Detect("his foot drop is the same as always but his calf is tight as a drum, stretches for him?").Level);

    [Fact]
    public void Someones_age_in_decades_is_not_a_date_long_ago()
        => Assert.Equal(CareLevel.Emergency, Detector.Detect("lady in her 50s on painkillers for back pain, now leaking wee and didn't feel it happen").Level);

    [Fact]
    public void A_decade_on_its_own_is_still_a_time_long_ago()
        => Assert.DoesNotContain("cauda-equina-incontinence", Detector.Detect("she had bladder leaks with her back in the 80s, the exercises are what she wants now").RuleIds);

    [Fact]
    public void A_question_about_a_sign_said_to_be_new_is_a_report()
        => Assert.Contains("radiating-leg-pain", Detector.Detect("is it bad if mums pain shoots down the back of her leg like electric, thats new").RuleIds);

    [Fact]
    public void A_question_that_supposes_the_sign_is_new_stays_a_question()
        => Assert.DoesNotContain("radiating-leg-pain", Detector.Detect("is it bad if pain shoots down my leg during the stretch, if it is new do i stop").RuleIds);

    [Fact]
    public void What_someone_mentioned_about_their_own_leg_is_reported()
        => Assert.Contains("new-numbness-or-tingling", Detector.Detect("he mentioned the top of his foot has been numb since the op last week").RuleIds);

    [Fact]
    public void Cannot_heel_walk_since_an_operation_is_a_new_foot_drop()
        => Assert.Contains("new-foot-drop", Detector.Detect("student can't heel walk since her knee op").RuleIds);

    [Fact]
    public void Not_lifting_the_foot_and_swinging_it_round_is_a_new_foot_drop()
        => Assert.Contains("new-foot-drop", Detector.Detect("he is not really lifting that foot when he walks since the op, he sort of swings it round").RuleIds);

    [Fact]
    public void Barely_managing_an_exercise_that_was_easy_weeks_ago_is_getting_worse()
        => Assert.Contains("getting-worse", Detector.Detect("doing the band exercise and i can barely pull against it anymore, two weeks ago i was doing 15 reps easy").RuleIds);

    [Fact]
    public void Getting_weaker_since_a_date_long_ago_is_a_change_still_going_on()
        => Assert.Contains("getting-worse", Detector.Detect("my stroke side is getting weaker every week since new year").RuleIds);

    [Fact]
    public void A_change_measured_against_the_past_is_going_on_now_whenever_the_old_stroke_was()
        => Assert.Contains("getting-worse", Detector.Detect("my stroke was five years ago, my foot drags way more than it did").RuleIds);

    [Fact]
    public void Not_managing_as_much_as_at_a_past_season_is_getting_worse()
        => Assert.Equal(CareLevel.Urgent, Detector.Detect("yes it's worse, I can't lift it even as much as I could at Christmas").Level);

    [Fact]
    public void Exactly_as_bad_as_at_a_past_season_is_no_change()
        => AssertCalm("No, no new weakness. Foot's exactly as useless as it was at Christmas.");

    [Theory]
    [InlineData("hoisting my knee much higher to get the foot over the step now")]
    [InlineData("he's raising his knee really high to walk since the weekend")]
    public void Hoisting_the_knee_to_clear_the_foot_is_a_sign_of_foot_drop(string message)
        => Assert.Contains(Detector.Explain(message).Mentions, m => m.FindingId == "foot-drop-sign" && m.Status == MentionStatus.Affirmed);

    [Fact]
    public void A_change_dated_long_ago_without_a_comparison_stays_in_the_past()
        => Assert.DoesNotContain("getting-worse", Detector.Detect("my stroke was five years ago, my foot got much worse for a while").RuleIds);

    [Fact]
    public void A_date_in_brackets_dates_the_clause_before_them_not_the_signs_around_it()
        => Assert.Contains("stroke-confusion", Detector.Detect("he doesnt know where he is, asking when are we going back to Ipoh (we moved here 40 yrs ago), and keeps calling me by my late uncle's name").RuleIds);

    [Fact]
    public void A_date_in_brackets_right_after_a_sign_dates_that_sign()
        => AssertCalm("my foot is numb (had that for years) and my back aches");

    [Fact]
    public void A_date_in_brackets_at_the_very_start_dates_nothing_after_them()
        => Assert.Contains("stroke-confusion", Detector.Detect("(we moved here from Ipoh 40 yrs ago) and now he doesnt know where he is and keeps calling me by my late uncle's name").RuleIds);

    [Fact]
    public void A_bracket_left_open_to_the_end_of_the_message_is_read_to_the_end()
        => Assert.Contains("stroke-confusion", Detector.Detect("he doesnt know where he is, asking when are we going back to Ipoh (we moved here 40 yrs ago").RuleIds);

    [Fact]
    public void A_sign_inside_the_brackets_after_their_date_is_dated_by_it()
        => AssertCalm("just the exercises please (years ago my foot went numb)");

    [Fact]
    public void A_date_after_closed_brackets_is_outside_them_and_dates_the_sentence()
        => AssertCalm("numb foot, been like that (the left one, not the right one) for years");

    [Fact]
    public void A_sign_inside_the_brackets_is_dated_by_the_brackets()
        => AssertCalm("just the exercises please (the tingling in my foot went away years ago)");

    [Fact]
    public void A_denial_followed_by_though_concedes_the_sign_before_it()
        => Assert.Contains("new-numbness-or-tingling", Detector.Detect("yes abit. foot numb. all good tho").RuleIds);

    [Fact]
    public void A_denial_at_the_end_of_a_clause_still_denies_the_sign_before_it()
        => AssertCalm("tingling, all good");

    [Fact]
    public void Sitting_cross_legged_forever_says_how_long_the_sitting_lasted_not_how_old_the_foot_drop_is()
        => Assert.Contains("new-foot-drop", Detector.Detect("now i got this right foot that drags, started after the wedding where i sat cross legged forever").RuleIds);

    [Fact]
    public void A_checklist_answered_no_item_by_item_raises_no_alarm()
        => AssertCalm("Answering the check list: 1. numbness: no. 2. pain down the leg: no. 3. bladder and bowel: normal. 5. falls: none. So I can start?");

    [Fact]
    public void A_checklist_item_answered_yes_is_reported()
        => Assert.Contains("radiating-leg-pain", Detector.Detect("1. numbness: no. 2. pain down the leg: yes, since monday").RuleIds);

    [Fact]
    public void Denying_a_whole_list_of_signs_reaches_the_end_of_the_list()
        => AssertCalm("mum says she doesnt have any of the scary things like wee problems or a numb bum");

    [Fact]
    public void An_accident_on_the_toilet_not_felt_with_a_bad_back_is_an_emergency()
        => Assert.Equal(CareLevel.Emergency, Detector.Detect("papa had potty accident and didnt even know it happened, back also bad").Level);

    [Fact]
    public void Marching_like_a_soldier_to_walk_for_a_few_days_is_a_new_foot_drop()
        => Assert.Contains("new-foot-drop", Detector.Detect("marching like soldier to walk now, started 5 days back").RuleIds);

    [Fact]
    public void A_nursing_note_of_a_flaccid_leg_since_the_night_is_an_emergency()
        => Assert.Equal(CareLevel.Emergency, Detector.Detect("LLE totally flaccid since 0300, walked at dinner").Level);

    [Fact]
    public void Not_feeling_anything_weird_down_there_is_a_denial()
        => AssertCalm("Im not feeling anything weird in my groin or bum if thats what youre getting at, all normal");

    [Theory]
    [InlineData("nope, bladder's fine lol")]
    [InlineData("bladder fine haha")]
    public void A_denial_followed_by_a_laugh_still_ends_its_clause(string message) => AssertCalm(message);

    [Theory]
    [InlineData("the band is too tight, is there a weaker one?")]
    [InlineData("I don't know who to believe about how often to stretch")]
    [InlineData("what mean saddle numbness")]
    [InlineData("I convinced myself my face was drooping last night. it wasn't, all fine")]
    [InlineData("he had his gall bladder out in the spring and his foot drop is the same")]
    [InlineData("it has been like this since the beginning, three years, same")]
    [InlineData("the tingling went once her sugars improved. none now")]
    [InlineData("her foot did not go numb")]
    [InlineData("nil saddle anaesthesia, nil retention")]
    [InlineData("her foot has not gone numb")]
    [InlineData("his legs aint gone weak, both workin fine")]
    [InlineData("saddle numbness means what? dont have it, curious")]
    [InlineData("tingle in my toes gone finish")]
    public void Words_that_only_look_like_a_sign_raise_nothing(string message) => AssertCalm(message);

    [Fact]
    public void A_long_spell_of_kneeling_right_before_the_sign_is_how_long_the_kneeling_lasted()
        => Assert.Contains("new-foot-drop", Detector.Detect("his right toes keep catching, he's been kneeling by the creek for ages").RuleIds);

    [Fact]
    public void A_long_spell_of_squatting_before_the_sign_does_not_make_the_sign_old()
        => Assert.Contains("new-foot-drop", Detector.Detect("she squatted in the garden for ages, after that her foot scuffs").RuleIds);

    [Fact]
    public void Kneeling_for_years_is_a_way_of_life_and_its_foot_drop_is_not_new()
        => AssertCalm("I've been kneeling to garden for years, what exercises help my foot drop?");

    [Fact]
    public void For_ages_far_from_any_kneeling_still_makes_the_sign_old()
        => Assert.DoesNotContain("new-foot-drop", Detector.Detect("I knelt to pray and my foot has dragged like this for ages").RuleIds);

    [Theory]
    [InlineData("his toes keep catching, he was kneeling for ages")]
    [InlineData("his toes keep catching, he was kneeling at the edge of the very cold creek for ages")]
    [InlineData("she was kneeling in the garden for ages toes catching now")]
    public void For_ages_right_after_kneeling_or_up_to_eight_words_later_is_the_kneeling(string message)
        => Assert.Contains("new-foot-drop", Detector.Detect(message).RuleIds);

    [Fact]
    public void For_ages_nine_words_after_the_kneeling_is_not_the_kneeling()
        => Assert.DoesNotContain("new-foot-drop", Detector.Detect("his toes keep catching, he was kneeling at the edge of the very very cold creek for ages").RuleIds);

    [Fact]
    public void For_ages_more_than_eight_words_after_the_kneeling_is_not_the_kneeling()
        => Assert.DoesNotContain("new-foot-drop", Detector.Detect("after kneeling I went home and had my tea and watched the telly for ages, my foot drags").RuleIds);

    [Fact]
    public void A_sign_denied_later_in_a_clause_that_says_today_is_over()
        => AssertCalm("I felt dizzy last night getting out of bed, the doctor changed my tablets and today no dizziness at all");

    [Fact]
    public void A_later_denial_that_does_not_say_now_leaves_the_sign_reported()
        => Assert.Contains("dizziness", Detector.Detect("dizzy yesterday, no dizziness when lying down").RuleIds);

    [Fact]
    public void A_later_denial_today_undoes_only_the_sign_it_names()
        => Assert.Contains("stroke-face-droop", Detector.Detect("her face was drooping an hour ago, now no numbness in her hand").RuleIds);

    [Fact]
    public void A_later_denial_undoes_nothing_in_its_own_clause()
        => Assert.Contains("dizziness", Detector.Detect("now dizzy again after no dizziness at all all week").RuleIds);

    [Fact]
    public void All_my_sixty_years_measures_a_lifetime_not_when_the_headache_began()
        => Assert.Equal(CareLevel.Emergency, Detector.Detect("Sudden headache like being hit with a bat, the worst in all my sixty years").Level);

    [Fact]
    public void A_cord_contusion_is_not_read_as_confusion()
        => AssertCalm("my physio says it was a cord contusion and the foot is steady, can I have more stretches");

    [Fact]
    public void Asking_what_sign_means_a_stroke_asks_rather_than_reports()
        => AssertCalm("what sign mean he is having a stroke");

    [Fact]
    public void Asking_how_to_tell_she_is_having_a_stroke_asks_rather_than_reports()
        => AssertCalm("how will I know if she is having a stroke");

    [Fact]
    public void Not_knowing_whether_she_is_having_a_stroke_is_still_a_stroke_suspected()
        => Assert.Contains("stroke-suspected", Detector.Detect("i dont know if she is having a stroke").RuleIds);

    [Fact]
    public void Numbness_after_an_anaesthetic_then_gone_is_over()
        => AssertCalm("my legs were numb after the spinal anaesthetic for the op, then gone");

    [Fact]
    public void A_catheter_after_an_operation_that_is_long_finished_is_over()
        => AssertCalm("she could not pee after her knee op and had a catheter, but that is long finished");

    [Fact]
    public void Tingling_that_is_the_old_one_is_not_new()
        => Assert.False(Detector.Detect("my toes tingle but it is the old one from the chemo, nothing different").IsRedFlag);

    [Fact]
    public void Tingling_before_but_and_something_else_that_is_old_is_still_reported()
        => Assert.Equal(MentionStatus.Affirmed, Detector.Explain("my toes tingle but my knee is the old one").Mentions.First(m => m.FindingId == "numbness").Status);

    [Fact]
    public void A_brace_worn_for_years_that_no_longer_keeps_the_toes_up_is_a_change_now()
        => Assert.Contains("brace-no-longer-helping", Detector.Detect("the brace I have worn for nine years no longer keeps my toes up").RuleIds);

    [Fact]
    public void Catching_ma_toe_on_the_kerb_for_a_week_is_a_new_foot_drop()
        => Assert.Contains("new-foot-drop", Detector.Detect("been catching ma toe on the kerb for a week or so, right foot").RuleIds);

    [Fact]
    public void An_ankle_that_will_not_bend_up_since_sunday_is_a_new_foot_drop()
        => Assert.Contains("new-foot-drop", Detector.Detect("her ankle will not bend up at all since sunday").RuleIds);

    [Fact]
    public void Voice_typing_writing_rubbish_is_not_slurred_speech()
        => AssertCalm("sorry the voice typing keeps writing rubbish, I meant toe lifts");

    [Fact]
    public void Asking_whether_stretches_stop_her_getting_worse_reports_nothing()
        => AssertCalm("will the stretches stop her getting worse?");

    [Fact]
    public void Asking_what_saddle_numbness_means_reports_nothing()
        => AssertCalm("what do you mean by saddle numbness? none of that here anyway");

    [Fact]
    public void Hands_weak_since_my_twenties_are_long_standing()
        => AssertCalm("my hands have been weak since my twenties with the CMT, so excuse the typing");

    [Fact]
    public void A_calf_thinner_than_it_was_months_ago_is_getting_worse()
        => Assert.Contains("getting-worse", Detector.Detect("his calf looks thinner than it did three months ago").RuleIds);

    [Fact]
    public void A_shin_that_did_not_look_like_that_before_is_getting_worse()
        => Assert.Contains("getting-worse", Detector.Detect("the front of her shin looks hollow, it did not look like that before").RuleIds);

    [Fact]
    public void A_story_of_sciatica_in_1962_is_history()
        => Assert.DoesNotContain("radiating-leg-pain", Detector.Detect("he had sciatica down his leg on the farm. but that was like 1962").RuleIds);

    [Fact]
    public void Tingling_never_had_before_is_new_not_denied()
        => Assert.Contains("new-numbness-or-tingling", Detector.Detect("the tingling in my heel is something I have never had before").RuleIds);

    [Fact]
    public void Tingling_never_had_before_or_since_is_denied()
        => AssertCalm("never had any tingling, before or since");

    [Fact]
    public void Numbness_that_havena_gone_away_is_still_there()
        => Assert.Contains("new-numbness-or-tingling", Detector.Detect("the numbness in his foot started friday and it havena gone away").RuleIds);

    [Fact]
    public void Back_pain_gone_quiet_is_over()
        => AssertCalm("my back pain has gone quiet this week, thank god");

    [Fact]
    public void A_splint_not_doing_squat_any_more_is_a_brace_no_longer_helping()
        => Assert.Contains("brace-no-longer-helping", Detector.Detect("her splint isnt doing squat any more").RuleIds);

    [Fact]
    public void A_foot_that_hit_the_step_twice_this_week_is_a_new_foot_drop()
        => Assert.Contains("new-foot-drop", Detector.Detect("his foot hit the step twice coming down the stairs this week").RuleIds);

    [Fact]
    public void Numbness_down_there_told_for_context_years_back_is_history()
        => AssertCalm("for context, years back she had numbness down there, all fine since");

    [Fact]
    public void Tingling_not_stopping_after_I_stopped_the_set_is_still_there()
        => Assert.Contains("new-numbness-or-tingling", Detector.Detect("sharp pins and needles in my toes during the set and it is not stopping after I stopped").RuleIds);

    [Fact]
    public void Stopped_as_a_sentence_of_its_own_is_the_person_stopping_not_the_sign()
        => Assert.Contains("new-numbness-or-tingling", Detector.Detect("on the heel raises and my calf has gone tingly, never had that before. Stopped.").RuleIds);

    [Theory]
    [InlineData("my calf went tingly on the heel raises. Stopped after a minute.", MentionStatus.Resolved)]
    [InlineData("my calf went tingly on the heel raises. Stopped.", MentionStatus.Affirmed)]
    public void A_stop_that_says_more_is_the_sign_stopping_a_bare_stop_is_not(string message, MentionStatus status)
        => Assert.Equal(status, Detector.Explain(message).Mentions.First(m => m.FindingId == "numbness").Status);

    [Fact]
    public void Told_to_be_patient_the_writer_is_still_the_one_getting_worse()
        => Assert.False(Detector.Detect("my acupuncturist says be patient but its been 10 weeks and no change, if anything a bit worse").AboutSomeoneElse);

    [Theory]
    [InlineData("six weeks of patience and no change, if anything a bit worse")]
    [InlineData("nothing new. if anything the dragging is worse")]
    public void If_anything_ends_what_no_change_says(string message)
        => Assert.Contains("getting-worse", Detector.Detect(message).RuleIds);

    [Fact]
    public void Trippin_on_every_kerb_since_monday_is_a_new_foot_drop()
        => Assert.Contains("new-foot-drop", Detector.Detect("now im trippin on every kerb since monday").RuleIds);

    [Fact]
    public void Dragging_more_since_the_start_of_the_month_is_getting_worse()
        => Assert.Contains("getting-worse", Detector.Detect("since the start of the month he drags more").RuleIds);

    [Fact]
    public void Dragging_more_when_tired_is_the_usual_tiredness()
        => AssertCalm("do I drag more when I am tired or is it my imagination");

    [Fact]
    public void A_foot_that_still_drops_inside_the_brace_is_a_brace_no_longer_helping()
        => Assert.Contains("brace-no-longer-helping", Detector.Detect("her foot still drops inside it even with the splint on since christmas").RuleIds);

    [Fact]
    public void A_droop_there_ever_since_a_stroke_years_ago_is_long_standing()
        => Assert.NotEqual(CareLevel.Emergency, Detector.Detect("his face has been a bit droopy on one side ever since the stroke 2 years ago").Level);

    [Fact]
    public void A_sign_after_ever_since_an_old_stroke_is_still_read_on_its_own()
        => Assert.Equal(CareLevel.Emergency, Detector.Detect("he had a stroke 2 years ago and ever since this morning his face is drooping").Level);

    [Fact]
    public void Cant_hardly_walk_is_trouble_walking_not_a_denial()
        => Assert.Contains("balance-or-walking-trouble", Detector.Detect("since last week he cant hardly walk to the barn").RuleIds);

    [Fact]
    public void A_hospice_RN_is_a_nurse_not_a_sudden_start()
        => Assert.DoesNotContain("sudden-foot-weakness", Detector.Detect("I'm a hospice RN, my patients get weak feet, any tips?").RuleIds);

    [Fact]
    public void A_weakness_whose_strength_aint_back_is_still_there()
        => Assert.Equal(CareLevel.Urgent, Detector.Detect("his foot went weak after kneeling on tuesday and it aint back").Level);

    [Fact]
    public void The_good_side_going_weak_is_an_emergency()
        => Assert.Equal(CareLevel.Emergency, Detector.Detect("his good side has gone weak now").Level);

    [Theory]
    [InlineData("it is worse. last year I could walk round the park, now I cant reach the corner")]
    [InlineData("it is worse. last year he managed the park, now he cant reach the corner")]
    [InlineData("it is worse. last year she could walk round the park, now she cant reach the corner")]
    [InlineData("it is worse. last year we could walk round the park, now we cant reach the corner")]
    [InlineData("it is worse. last year they could walk round the park, now they cant reach the corner")]
    public void What_someone_could_do_long_ago_measures_a_change_now(string message)
        => Assert.Contains("getting-worse", Detector.Detect(message).RuleIds);

    [Fact]
    public void Weight_lost_this_year_with_a_dragging_foot_is_still_going_on()
        => Assert.Contains("weight-loss-with-foot-drop", Detector.Detect("he lost a lot of weight this year and his foot drags").RuleIds);

    [Fact]
    public void Weight_lost_last_year_with_a_dragging_foot_is_in_the_past()
        => Assert.DoesNotContain("weight-loss-with-foot-drop", Detector.Detect("he lost a lot of weight in 2019 and his foot drags").RuleIds);

    [Fact]
    public void A_numb_foot_last_year_that_i_could_not_feel_is_in_the_past()
        => Assert.Equal(CareLevel.None, Detector.Detect("my foot went numb last year i could not feel the floor for a week").Level);

    [Fact]
    public void A_date_followed_by_only_a_pronoun_is_read_without_error()
        => AssertCalm("my foot went numb last year i");

    [Fact]
    public void A_sign_there_ever_since_a_stroke_years_ago_is_long_standing()
        => Assert.NotEqual(CareLevel.Emergency, Detector.Detect("he had a stroke 2 years ago and ever since his face droops on one side").Level);

    [Fact]
    public void A_since_right_after_a_sign_dates_it()
        => Assert.NotEqual(CareLevel.Emergency, Detector.Detect("his face is droopy ever since the stroke 2 years ago").Level);

    [Theory]
    [InlineData("should we worry if it suddenly gets worse? rn its stable")]
    [InlineData("should we worry if it suddenly gets worse? rn its fine")]
    [InlineData("should we worry if it suddenly gets worse? rn its normal")]
    public void A_worry_answered_by_right_now_its_stable_stays_a_supposition(string message)
        => AssertCalm(message);

    [Fact]
    public void A_worry_answered_by_right_now_its_bad_is_a_report()
        => Assert.Contains("getting-worse", Detector.Detect("should we worry if it suddenly gets worse? rn its bad").RuleIds);

    [Theory]
    [InlineData("Dear Sir, does a numb groin mean something bad?")]
    [InlineData("Dear Madam, does a numb groin mean something bad?")]
    [InlineData("hi does a numb groin mean something bad?")]
    [InlineData("hello does a numb groin mean something bad?")]
    [InlineData("hey does a numb groin mean something bad?")]
    [InlineData("hiya does a numb groin mean something bad?")]
    [InlineData("ok does a numb groin mean something bad?")]
    [InlineData("okay does a numb groin mean something bad?")]
    [InlineData("so does a numb groin mean something bad?")]
    [InlineData("quick question does a numb groin mean something bad?")]
    [InlineData("please does a numb groin mean something bad?")]
    public void A_question_after_a_greeting_still_asks_in_general(string message)
        => AssertCalm(message);

    [Fact]
    public void A_report_after_a_greeting_is_still_a_report()
        => Assert.Equal(CareLevel.Emergency, Detector.Detect("Dear Sir, my groin is numb").Level);

    private static void AssertCalm(string message)
    {
        var result = Detector.Detect(message);
        Assert.False(result.IsRedFlag, $"{message}: {result.Level} [{string.Join(", ", result.RuleIds)}]");
        Assert.Null(result.Clarify);
    }
}
