using FootDrop.Bot.Conversation;
using FootDrop.Bot.Dialogs.Triage;
using FootDrop.Bot.Tests.Infrastructure;
using FootDrop.Content.Triage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Conversations;

/// <summary>
/// What follows a warning sign typed in free text or found by the symptom check: the words that open the advice, the
/// choices after it, where each choice leads, the summary for a clinician, and the <c>triage</c> trace that records the
/// decision for audit.
/// </summary>
public sealed class TriageOutcomeConversationTests(BotFixture bot) : IClassFixture<BotFixture>
{
    private const string CarerEmergency = "dad's face suddenly dropped on one side just now";
    private const string OwnUrgentSign = "for the last four days my toes keep snagging on the rug";

    private TriageScript Script => bot.App.Services.GetRequiredService<TriageScript>();

    private Texts T => bot.Texts;

    [Fact]
    public async Task A_carer_describing_an_emergency_is_thanked_and_offered_only_the_way_back_to_the_menu()
    {
        var replies = await bot.SendAsync(bot.NewConversation(), CarerEmergency);

        Assert.Equal(Script.FreeText.NoticedOther, replies[0].Text);
        var offer = replies[^1];
        Assert.Equal(Script.FreeText.AfterOutcome, offer.Text);
        Assert.Equal([Script.FreeText.MenuButton], offer.SuggestedActions.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task A_user_describing_their_own_urgent_sign_is_offered_the_symptom_check_and_the_menu()
    {
        var adapter = bot.NewConversation();
        await bot.SendAsync(adapter, OwnUrgentSign);

        var replies = await bot.SendAsync(adapter, "no");

        Assert.Equal(Script.FreeText.Noticed, replies[0].Text);
        var offer = replies[^1];
        Assert.Equal(Script.FreeText.AfterOutcome, offer.Text);
        Assert.Equal([Script.FreeText.OfferCheck, Script.FreeText.MenuButton], offer.SuggestedActions.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task Choosing_the_symptom_check_after_the_advice_starts_it()
    {
        var adapter = await AfterUrgentAdviceAsync();

        var replies = await bot.SendAsync(adapter, Script.FreeText.OfferCheck);

        Assert.Contains(replies, r => r.Text?.Contains("face drooping", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Choosing_the_menu_after_the_advice_shows_the_menu()
    {
        var adapter = await AfterUrgentAdviceAsync();

        var replies = await bot.SendAsync(adapter, Script.FreeText.MenuButton);

        Assert.Contains(replies, r => r.Text == T[TextKeys.MenuPrompt]);
        Assert.DoesNotContain(replies, r => r.Text?.Contains("face drooping", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Typing_something_else_after_the_advice_is_answered_as_a_new_message()
    {
        var adapter = await AfterUrgentAdviceAsync();

        var replies = await bot.SendAsync(adapter, "exercises");

        Assert.Contains(replies, r => r.Text?.StartsWith(T[TextKeys.ExercisePick], StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_rule_decision_is_traced_with_its_rules_its_source_and_whom_it_is_about()
    {
        var trace = Assert.Single(BotFixture.TriageTraces(await bot.SendAsync(bot.NewConversation(), CarerEmergency)));

        Assert.Equal("emergency", trace.Value<string>("level"));
        Assert.Contains("stroke-face-droop", trace["ruleIds"]!.Values<string>());
        Assert.Equal(TriageSources.Rule, trace.Value<string>("source"));
        Assert.True(trace.Value<bool>("aboutSomeoneElse"));
        Assert.Null(trace["nearestExample"]);
    }

    [Fact]
    public async Task A_users_own_sign_is_traced_as_their_own()
    {
        var trace = Assert.Single(BotFixture.TriageTraces(await bot.SendAsync(bot.NewConversation(), "my face has dropped on one side")));

        Assert.Equal("emergency", trace.Value<string>("level"));
        Assert.False(trace.Value<bool>("aboutSomeoneElse"));
    }

    [Fact]
    public async Task A_sentence_model_decision_is_traced_with_the_nearest_example_and_its_score()
    {
        var trace = Assert.Single(BotFixture.TriageTraces(await bot.SendAsync(bot.NewConversation(), "My wife tried to smile at me and only one corner of her mouth lifted.")));

        Assert.Equal("emergency", trace.Value<string>("level"));
        Assert.Equal(TriageSources.Semantic, trace.Value<string>("source"));
        Assert.Equal("stroke-face-droop", trace.Value<string>("nearestRuleId"));
        Assert.False(string.IsNullOrEmpty(trace.Value<string>("nearestExample")));
        Assert.InRange(trace.Value<double>("score"), 0.8, 1.0);
        Assert.Null(trace["nearestNearMiss"]);
    }

    [Fact]
    public async Task A_clarifying_question_is_traced_with_the_question_and_the_level_a_no_still_gives()
    {
        var trace = Assert.Single(BotFixture.TriageTraces(await bot.SendAsync(bot.NewConversation(), "my face feels a bit funny")));

        Assert.Equal(TriageOutcomes.ClarifyLevel, trace.Value<string>("level"));
        Assert.Equal("clarify-stroke", trace.Value<string>("question"));
        Assert.Equal("none", trace.Value<string>("levelIfNo"));
        Assert.Equal(TriageSources.Rule, trace.Value<string>("source"));
        Assert.False(trace.Value<bool>("aboutSomeoneElse"));
    }

    [Fact]
    public async Task A_clarifying_question_from_the_sentence_model_is_traced_with_the_example_and_the_near_miss()
    {
        var adapter = bot.NewConversation();
        var outcomes = bot.App.Services.GetRequiredService<TriageOutcomes>();
        var hint = new RedFlagResult(
            CareLevel.None, [], null, DetectionSource.Semantic,
            new SemanticEvidence("new-foot-drop", "an example", 0.75, "a near miss", 0.6), AboutSomeoneElse: true, ["new-foot-drop"]);

        using var turn = new TurnContext(adapter, adapter.MakeActivity("a message"));
        await outcomes.SendClarifyTraceAsync(turn, hint, "clarify-leg", CancellationToken.None);

        var trace = JObject.FromObject(((Activity)adapter.GetNextReply()).Value);
        Assert.Equal(TriageSources.Semantic, trace.Value<string>("source"));
        Assert.Equal(["new-foot-drop"], trace["ruleIds"]!.Values<string>());
        Assert.True(trace.Value<bool>("aboutSomeoneElse"));
        Assert.Equal("an example", trace.Value<string>("nearestExample"));
        Assert.Equal("new-foot-drop", trace.Value<string>("nearestRuleId"));
        Assert.Equal(0.75, trace.Value<double>("score"));
        Assert.Equal("a near miss", trace.Value<string>("nearestNearMiss"));
        Assert.Equal(0.6, trace.Value<double>("nearMissScore"));
    }

    [Fact]
    public async Task A_summary_after_a_yes_to_the_stroke_screen_is_dated_and_stops_at_that_answer()
    {
        var adapter = bot.NewConversation();
        await bot.SendAsync(adapter, "check my symptoms");
        await bot.SendAsync(adapter, "yes");

        var summary = Assert.Single(await bot.SendAsync(adapter, Script.Summary.ShowButton), r => r.Text?.StartsWith("Summary", StringComparison.Ordinal) == true).Text;

        var lines = summary.Split('\n');
        Assert.Equal("Summary of my answers (FootDrop.Bot symptom check, 2026-11-23):", lines[0]);
        Assert.StartsWith("- Stroke warning signs", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(": yes", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("- Started", StringComparison.Ordinal));
        Assert.StartsWith("Advice given: call emergency services now", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typing_something_else_at_the_summary_offer_is_answered_as_a_new_message()
    {
        var adapter = bot.NewConversation();
        await bot.SendAsync(adapter, "check my symptoms");
        await bot.SendAsync(adapter, "yes");

        var replies = await bot.SendAsync(adapter, "exercises");

        Assert.Contains(replies, r => r.Text?.StartsWith(T[TextKeys.ExercisePick], StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_trace_is_labelled_for_the_emulators_inspector()
    {
        var trace = Assert.Single(await bot.SendAsync(bot.NewConversation(), CarerEmergency), r => r.Type == ActivityTypes.Trace);

        Assert.Equal(TriageOutcomes.TraceName, trace.Name);
        Assert.Equal(TriageOutcomes.TraceValueType, trace.ValueType);
        Assert.Equal("Triage decision", trace.Label);
    }

    [Fact]
    public async Task A_card_submit_without_text_after_the_advice_gets_a_clear_answer_and_the_menu()
    {
        var adapter = await AfterUrgentAdviceAsync();
        var submit = adapter.MakeActivity();
        submit.Text = null;
        submit.Value = new JObject { ["choice"] = "no-such-choice" };

        await adapter.ProcessActivityAsync(submit, bot.Bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<Activity>();
        while (adapter.GetNextReply() is Activity reply)
        {
            replies.Add(reply);
        }

        Assert.Equal([T[TextKeys.Fallback], T[TextKeys.MenuPrompt]], replies.Select(r => r.Text));
    }

    private async Task<TestAdapter> AfterUrgentAdviceAsync()
    {
        var adapter = bot.NewConversation();
        await bot.SendAsync(adapter, OwnUrgentSign);
        Assert.Contains(await bot.SendAsync(adapter, "no"), r => r.Text == Script.FreeText.AfterOutcome);
        return adapter;
    }
}
