using System.Reflection;
using FootDrop.Content.Triage;

namespace FootDrop.Content.Tests.Triage;

/// <summary>
/// One test per rule of dialogs/redflags.json, named after its id (dashes as underscores), on a sentence written for
/// this test (never taken from the corpus or the rule's own examples).
/// </summary>
public sealed class RedFlagRuleTests
{
    private static RedFlagDetector Detector => Detectors.RulesOnly;

    // A near-miss is a clinician saying what the rule must not catch: the sentence model learns from it, and the rules
    // must honour it too ("My legs feel like jelly after doing the squats" once raised both-legs-weak-or-numb).
    [Fact]
    public void No_rule_fires_on_its_own_near_misses()
    {
        var firing = Detectors.Vocabulary.Rules
            .SelectMany(rule => rule.NearMisses.Where(miss => Detector.Detect(miss).RuleIds.Contains(rule.Id)).Select(miss => $"{rule.Id}: {miss}"))
            .ToList();

        Assert.Empty(firing);
    }

    [Fact]
    public void Every_rule_in_the_file_has_a_test_named_after_it()
    {
        var tested = typeof(RedFlagRuleTests).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(m => m.Name)
            .Where(n => n.StartsWith("Rule_", StringComparison.Ordinal))
            .Select(n => n["Rule_".Length..].Replace('_', '-'))
            .ToHashSet();
        var untested = Detector.Vocabulary.Rules.Select(r => r.Id).Where(id => !tested.Contains(id)).ToList();

        Assert.True(untested.Count == 0, "rules without a test: " + string.Join(", ", untested));
    }

    [Theory]
    [InlineData("stroke-confusion", "tonight my gran asked me who I am")]
    [InlineData("stroke-speech", "his speech went all mushy at dinner")]
    [InlineData("cauda-equina-saddle-numbness", "my backside and the inside of my thighs feel like after the dentist")]
    [InlineData("cauda-equina-bladder", "mi mama no puede orinar since this morning")]
    [InlineData("cauda-equina-bladder", "i cant seem to empty all the way when i go")]
    [InlineData("cauda-equina-incontinence", "grandad pooed in the bed and didnt feel it")]
    [InlineData("both-legs-weak-or-numb", "he slipped on the stairs and now there's nothing below his waist")]
    [InlineData("leg-paralysis", "since noon she can't raise it off the bed at all, the left leg")]
    [InlineData("stroke-confusion", "grandpa is not knowing where he is tonight")]
    [InlineData("stroke-speech", "mum's words are coming slow and mixed like a drunk person")]
    [InlineData("stroke-sudden-headache", "she's clutching her head, never had a pain like this")]
    [InlineData("cauda-equina-bladder", "since morning he cannot do pishab at all")]
    [InlineData("cauda-equina-incontinence", "my pants are wet and i did not know it happen")]
    [InlineData("cauda-equina-saddle-numbness", "it's like sitting on a bag of frozen peas down there")]
    [InlineData("leg-paralysis", "his leg feels like it is not even mine and he cant move it atall")]
    [InlineData("cauda-equina-bladder", "she's been sat on the toilet for an hour and nothing will come")]
    [InlineData("cauda-equina-incontinence", "his trousers are wet and he never realised")]
    [InlineData("stroke-one-side", "her whole left side just stopped working at tea")]
    [InlineData("both-legs-weak-or-numb", "after the fall her legs feel like they are not there")]
    [InlineData("leg-paralysis", "an hour ago my right leg went, I cant feel it and cant shift it")]
    [InlineData("stroke-speech", "his tongue feels too big for his mouth since tea")]
    [InlineData("stroke-confusion", "she keeps asking for her husband and he died years back")]
    [InlineData("cauda-equina-bladder", "no pee since last night and her belly is tight like a drum")]
    [InlineData("both-legs-weak-or-numb", "he slipped and now he cant feel las piernas")]
    [InlineData("stroke-sudden-headache", "mum says her heads splittin like nothin shes ever had")]
    [InlineData("stroke-speech", "she talks like her mouth is full of porridge since lunch")]
    [InlineData("stroke-speech", "grandad is talking nonsense words tonight, not normal for him")]
    [InlineData("cauda-equina-bladder", "been trying to pee for ages and nothing comes")]
    [InlineData("both-legs-weak-or-numb", "after the fall his legs are just lying there and he cant shift them")]
    [InlineData("both-legs-weak-or-numb", "both her legs have just gone from under her and she cant get them to move")]
    [InlineData("cauda-equina-incontinence", "my trousers were wet and I did not notice it happening")]
    [InlineData("cauda-equina-saddle-numbness", "since lunch my whole bottom area has gone numb, like sitting on air")]
    [InlineData("cauda-equina-bladder", "tried for hours and couldnt get but a dribble")]
    [InlineData("stroke-face-droop", "since lunch he can't smile properly, one side of his grin doesn't go up")]
    [InlineData("cauda-equina-bladder", "havent had a pee since last night and my gut is tight as a drum")]
    [InlineData("stroke-sudden-headache", "my wife has since ten minutes a terrible Kopfweh, worst ever")]
    [InlineData("leg-paralysis", "his right leg is completely lame since ten minutes")]
    [InlineData("leg-paralysis", "whole leg like a lump of meat hanging off him since lunch")]
    [InlineData("cauda-equina-bladder", "he's been stood at the toilet half an hour and can't do a jimmy riddle, back's killing him")]
    [InlineData("both-legs-weak-or-numb", "neither leg will hold his weight since this afternoon")]
    [InlineData("both-legs-weak-or-numb", "she fell in the bathroom an hour ago and she is not moving her legs at all")]
    [InlineData("cauda-equina-bladder", "I have not been able to pass the water since yesterday evening and feel full to bursting")]
    [InlineData("stroke-speech", "he's trying to talk but only noise coming out, no real words")]
    public void An_emergency_in_everyday_words_is_an_emergency(string ruleId, string message)
        => AssertFires(ruleId, CareLevel.Emergency, message);

    [Theory]
    [InlineData("falls", "he's had a couple of tumbles since the spring")]
    [InlineData("new-foot-drop", "his foot isn't listening since the knee scope on friday")]
    [InlineData("new-foot-drop", "she can't take her weight on that leg now, she was walking fine a fortnight ago")]
    [InlineData("new-numbness-or-tingling", "the top of his foot feels like cardboard")]
    [InlineData("new-foot-drop", "went to bed fine and woke up unable to cock my foot up")]
    [InlineData("balance-or-walking-trouble", "this week he has to hold the wall to get to the bathroom")]
    [InlineData("new-numbness-or-tingling", "the sole of my foot feels like wearing a thick sock")]
    [InlineData("brace-no-longer-helping", "my FES no longer clears my toes")]
    [InlineData("falls", "mum slipped again, second time in three days")]
    [InlineData("balance-or-walking-trouble", "I cant balance at all this week")]
    [InlineData("leg-pain-building", "his calf hurts more each night")]
    [InlineData("radiating-leg-pain", "when I cough a jolt goes right down my leg")]
    [InlineData("new-foot-drop", "since the lifting on tuesday my left foot does not obey me")]
    [InlineData("balance-or-walking-trouble", "I cannot keep my balance, I grab everything")]
    [InlineData("falls", "gone arse over three times this week")]
    [InlineData("getting-worse", "my foot slaps down louder than it used to")]
    [InlineData("radiating-leg-pain", "dard going down the latt like an electric current")]
    [InlineData("getting-worse", "her walking distance has dropped to the end of the garden")]
    [InlineData("new-foot-drop", "I stumble over nothing since some days")]
    [InlineData("new-foot-drop", "she lifts her knee so high now like a stork, she did not do this before friday")]
    [InlineData("new-foot-drop", "she keeps tripping on the kerb this passed week")]
    [InlineData("new-numbness-or-tingling", "his soles feel like he's wearing woolly socks when he isn't")]
    [InlineData("new-foot-drop", "since I got home from hospital my foot just hangs")]
    [InlineData("new-foot-drop", "her toes drag on every step since the long kneeling at church on Sunday, 3 hours long")]
    [InlineData("weight-loss-with-foot-drop", "I lost two stone in two months no trying and the leg keeps getting weaker")]
    [InlineData("falls", "came a cropper on the stairs on Sunday")]
    [InlineData("balance-or-walking-trouble", "since Monday he walks like a sailor on a rolling deck")]
    public void An_urgent_sign_in_everyday_words_is_urgent(string ruleId, string message)
        => AssertFires(ruleId, CareLevel.Urgent, message);

    [Fact]
    public void Rule_stroke_face_droop() => AssertFires("stroke-face-droop", CareLevel.Emergency, "the left side of her mouth has slid down");

    [Fact]
    public void Rule_stroke_arm_weakness() => AssertFires("stroke-arm-weakness", CareLevel.Emergency, "my right hand has gone heavy and useless");

    [Fact]
    public void Rule_stroke_speech() => AssertFires("stroke-speech", CareLevel.Emergency, "he's slurring and the words come out jumbled");

    [Fact]
    public void Rule_stroke_confusion() => AssertFires("stroke-confusion", CareLevel.Emergency, "mum suddenly doesn't know what day it is");

    [Fact]
    public void Rule_stroke_collapse() => AssertFires("stroke-collapse", CareLevel.Emergency, "grandad collapsed in the hall");

    [Fact]
    public void Rule_stroke_vision() => AssertFires("stroke-vision", CareLevel.Emergency, "I'm seeing double since I sat down");

    [Fact]
    public void Rule_stroke_sudden_headache() => AssertFires("stroke-sudden-headache", CareLevel.Emergency, "the worst headache of my life came on out of nowhere");

    [Fact]
    public void Rule_stroke_one_side() => AssertFires("stroke-one-side", CareLevel.Emergency, "his whole left side has gone weak");

    [Fact]
    public void Rule_stroke_sudden_dizziness() => AssertFires("stroke-sudden-dizziness", CareLevel.Emergency, "all of a sudden I'm dizzy and my leg is numb");

    [Fact]
    public void Rule_stroke_suspected() => AssertFires("stroke-suspected", CareLevel.Emergency, "my wife did the FAST check on her dad and it was positive");

    [Fact]
    public void Asking_what_the_signs_of_a_stroke_are_is_not_a_suspected_stroke()
        => Assert.DoesNotContain("stroke-suspected", Detectors.RulesOnly.Detect("what are the signs of a stroke I should watch for in my uncle?").RuleIds);

    [Fact]
    public void Rule_cauda_equina_bladder() => AssertFires("cauda-equina-bladder", CareLevel.Emergency, "I haven't been able to pee since breakfast");

    [Fact]
    public void Rule_cauda_equina_incontinence() => AssertFires("cauda-equina-incontinence", CareLevel.Emergency, "he wet himself in the chair and didn't notice");

    [Fact]
    public void Soiling_oneself_without_knowing_is_the_incontinence_rule()
        => AssertFires("cauda-equina-incontinence", CareLevel.Emergency, "he keeps soiling himself in the chair and doesn't know he's done it");

    [Fact]
    public void A_hand_that_is_not_gripping_is_arm_weakness()
        => AssertFires("stroke-arm-weakness", CareLevel.Emergency, "his right hand is not gripping mine");

    [Fact]
    public void Not_understanding_anything_said_is_a_speech_sign()
        => Assert.Contains(Detectors.RulesOnly.Explain("he suddenly does not understand anything i say").Mentions, m => m.FindingId == "speech-odd");

    [Fact]
    public void Asking_whether_foot_drop_can_turn_into_paralysis_reports_no_paralysis()
        => Assert.Equal(CareLevel.None, Detectors.RulesOnly.Detect("my buddy asked if foot drop can turn into full paralysis").Level);

    [Fact]
    public void Rule_cauda_equina_saddle_numbness() => AssertFires("cauda-equina-saddle-numbness", CareLevel.Emergency, "my bum and inner thighs feel numb");

    [Fact]
    public void Rule_both_legs_weak_or_numb() => AssertFires("both-legs-weak-or-numb", CareLevel.Emergency, "both of her legs have gone weak");

    [Fact]
    public void Rule_leg_paralysis() => AssertFires("leg-paralysis", CareLevel.Emergency, "his right leg has gone dead and he can't move it at all");

    [Fact]
    public void Rule_new_foot_drop() => AssertFires("new-foot-drop", CareLevel.Urgent, "my toes started catching on the stairs on Monday");

    [Fact]
    public void Rule_new_foot_drop_named() => AssertFires("new-foot-drop-named", CareLevel.Urgent, "I think foot drop has started after my knee operation");

    [Fact]
    public void Rule_hint_foot_drop_recent()
    {
        var result = Detector.Detect("I've had foot drop for 4 days");

        Assert.Equal(CareLevel.None, result.Level);
        Assert.Equal(SignArea.Leg, result.Clarify?.Area);
    }

    [Fact]
    public void Rule_new_numbness_or_tingling() => AssertFires("new-numbness-or-tingling", CareLevel.Urgent, "there's tingling along the top of my foot");

    [Fact]
    public void Rule_radiating_leg_pain() => AssertFires("radiating-leg-pain", CareLevel.Urgent, "a pain shoots from my back down into my calf");

    [Fact]
    public void Rule_leg_pain_building() => AssertFires("leg-pain-building", CareLevel.Urgent, "the pain in my leg gets worse every day");

    [Fact]
    public void Rule_balance_or_walking_trouble() => AssertFires("balance-or-walking-trouble", CareLevel.Urgent, "I'm wobbly and have to hold on to the furniture");

    [Fact]
    public void Rule_falls() => AssertFires("falls", CareLevel.Urgent, "she fell over in the garden");

    [Fact]
    public void Rule_getting_worse() => AssertFires("getting-worse", CareLevel.Urgent, "his foot drop is going downhill");

    [Fact]
    public void Rule_brace_no_longer_helping() => AssertFires("brace-no-longer-helping", CareLevel.Urgent, "the AFO isn't helping any more");

    [Fact]
    public void Rule_twitching_or_wasting_with_weakness() => AssertFires("twitching-or-wasting-with-weakness", CareLevel.Urgent, "my calf twitches and my foot drags");

    [Fact]
    public void Rule_new_twitching_or_wasting() => AssertFires("new-twitching-or-wasting", CareLevel.Urgent, "the muscle in my shin started twitching this week");

    [Fact]
    public void Rule_weight_loss_with_foot_drop() => AssertFires("weight-loss-with-foot-drop", CareLevel.Urgent, "I've lost a stone without trying and my foot drags");

    [Fact]
    public void Rule_severe_pain() => AssertFires("severe-pain", CareLevel.Urgent, "the pain in my ankle is unbearable");

    [Fact]
    public void Rule_dizziness() => AssertFires("dizziness", CareLevel.Urgent, "I feel light headed");

    [Fact]
    public void Rule_sudden_foot_weakness() => AssertFires("sudden-foot-weakness", CareLevel.Urgent, "out of the blue my foot went weak");

    [Fact]
    public void Rule_hint_leg_new()
    {
        var result = Detector.Detect("my ankle just isn't itself since the weekend");

        Assert.Equal(CareLevel.None, result.Level);
        Assert.Equal("clarify-leg", result.Clarify?.Id);
    }

    private static void AssertFires(string ruleId, CareLevel level, string message)
    {
        var result = Detector.Detect(message);

        Assert.True(result.RuleIds.Contains(ruleId), $"{message}: fired [{string.Join(", ", result.RuleIds)}] at {result.Level}");
        Assert.Equal(level, result.Level);
    }
}
