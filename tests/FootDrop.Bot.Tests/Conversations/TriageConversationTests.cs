using FootDrop.Bot.Conversation;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Bot.Builder.Adapters;

namespace FootDrop.Bot.Tests.Conversations;

/// <summary>The symptom check and red flags typed anywhere, transcript by transcript.</summary>
public sealed class TriageConversationTests(BotFixture bot) : IClassFixture<BotFixture>
{
    private Texts T => bot.Texts;

    [Fact]
    public async Task All_clear_answers_end_in_the_routine_outcome_with_a_summary_for_a_clinician()
    {
        await StartCheck(bot.NewConversation())
            .Send("no").AssertReplyContains("urine or stool")
            .Send("no").AssertReplyContains("When did the foot weakness start")
            .Send("it came on slowly, about 4 months ago").AssertReplyContains("numbness or tingling")
            .Send("no").AssertReplyContains("shoots or spreads down your leg")
            .Send("nope").AssertReplyContains("balance")
            .Send("no").AssertReplyContains("injury or an operation")
            .Send("no").AssertReplyContains("getting worse")
            .Send("no")
            .AssertReplyContains("Nothing you've told me needs urgent care", "physical therapist", "exercises are reasonable to try", "same day", "emergency number")
            .AssertTrace("routine")
            .AssertReplyContains("summary")
            .Send("Show my summary")
            .AssertReplyContains("Summary of my answers", "Numbness or tingling: no", "Came on suddenly: no", "Started: 2026-07-23", "Advice given: see a physician or physical therapist soon")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_yes_to_the_stroke_screen_gives_the_emergency_message_at_once()
    {
        await StartCheck(bot.NewConversation())
            .Send("yes")
            .AssertReplyContains("Call your local emergency number", "now", "stroke", "don't start any exercises")
            .AssertTrace("emergency", "screen-stroke-signs")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_ok_to_the_stroke_screen_is_no_answer_so_the_question_is_asked_again()
    {
        await StartCheck(bot.NewConversation())
            .Send("ok next exercise")
            .Says(T[TextKeys.YesNoRetry])
            .Send("no").AssertReplyContains("urine or stool")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_yes_to_the_cauda_equina_screen_gives_the_emergency_message()
    {
        await StartCheck(bot.NewConversation())
            .Send("no").AssertReplyContains("urine or stool")
            .Send("yes")
            .AssertReplyContains("Call your local emergency number")
            .AssertTrace("emergency", "screen-cauda-equina-signs")
            .StartTestAsync();
    }

    [Fact]
    public async Task Numbness_in_the_follow_up_questions_means_seeing_a_doctor_today()
    {
        await ThroughScreenAndOnset(bot.NewConversation(), "about a month ago, slowly")
            .Send("yes").AssertReplyContains("shoots")
            .Send("no").AssertReplyContains("balance")
            .Send("no").AssertReplyContains("injury")
            .Send("no").AssertReplyContains("getting worse")
            .Send("no").AssertReplyContains("Please see a doctor today", "don't start the exercises", "Call your local emergency number", "instead")
            .AssertTrace("urgent", "answer-numbness-or-tingling")
            .StartTestAsync();
    }

    [Fact]
    public async Task Not_sure_counts_towards_care()
    {
        await ThroughScreenAndOnset(bot.NewConversation(), "for about 3 weeks, slowly")
            .Send("no").AssertReplyContains("shoots")
            .Send("not sure").AssertReplyContains("balance")
            .Send("no").AssertReplyContains("injury")
            .Send("no").AssertReplyContains("getting worse")
            .Send("no").AssertReplyContains("see a doctor today")
            .AssertTrace("urgent", "answer-radiating-leg-pain")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_sudden_start_in_the_users_words_needs_no_extra_question_and_counts_as_urgent()
    {
        await StartCheck(bot.NewConversation())
            .Send("no").AssertReplyContains("urine")
            .Send("no").AssertReplyContains("When did")
            .Send("out of nowhere yesterday").AssertReplyContains("numbness or tingling")
            .Send("no").AssertReplyContains("shoots")
            .Send("no").AssertReplyContains("balance")
            .Send("no").AssertReplyContains("injury")
            .Send("no").AssertReplyContains("getting worse")
            .Send("no").AssertReplyContains("see a doctor today")
            .AssertTrace("urgent", "answer-sudden-onset")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_unclear_start_gets_a_yes_or_no_question_about_suddenness()
    {
        await StartCheck(bot.NewConversation())
            .Send("no").AssertReplyContains("urine")
            .Send("no").AssertReplyContains("When did")
            .Send("this morning").AssertReplyContains("Did it come on suddenly")
            .Send("yes").AssertReplyContains("numbness or tingling")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_red_flag_typed_at_the_menu_is_checked_for_emergency_signs_then_goes_to_the_outcome()
    {
        await bot.Flow(bot.NewConversation())
            .Send("my foot suddenly went numb this morning")
            .AssertReplyContains("one safety question", "numbness between the legs")
            .AssertTrace("clarify", "new-numbness-or-tingling")
            .Send("no")
            .AssertReplyContains("noticed something")
            .AssertReplyContains("Please see a doctor today")
            .AssertTrace("urgent", "new-numbness-or-tingling")
            .AssertReplyContains("What would you like to do now?")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_red_flag_whose_emergency_question_is_answered_yes_gets_the_emergency_outcome()
    {
        await bot.Flow(bot.NewConversation())
            .Send("my foot suddenly went numb this morning")
            .AssertReplyContains("one safety question")
            .AssertTrace("clarify")
            .Send("yes")
            .AssertReplyContains("noticed something")
            .AssertReplyContains("Call your local emergency number")
            .AssertTrace("emergency", "new-numbness-or-tingling")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("not sure")]
    [InlineData("no idea")]
    [InlineData("not really sure")]
    public async Task Not_sure_on_the_stroke_screen_still_asks_the_rest_then_gives_same_day_care_with_the_emergency_signs(string answer)
    {
        await StartCheck(bot.NewConversation())
            .Send(answer).AssertReplyContains("urine or stool")
            .Send("no")
            .AssertReplyContains("Please see a doctor today", "Call your local emergency number", "instead if you notice face drooping")
            .AssertTrace("urgent", "screen-unsure")
            .AssertReplyContains("summary")
            .Send("Show my summary")
            .AssertReplyContains("Stroke warning signs", "not sure", "Advice given: see a doctor today")
            .StartTestAsync();
    }

    [Fact]
    public async Task Not_sure_on_the_cauda_equina_screen_is_not_read_as_no()
    {
        await StartCheck(bot.NewConversation())
            .Send("no").AssertReplyContains("urine or stool")
            .Send("no idea")
            .AssertReplyContains("Please see a doctor today")
            .AssertTrace("urgent", "screen-unsure")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_yes_on_the_cauda_equina_screen_after_a_not_sure_is_an_emergency()
    {
        await StartCheck(bot.NewConversation())
            .Send("not sure").AssertReplyContains("urine or stool")
            .Send("yes")
            .AssertReplyContains("Call your local emergency number")
            .AssertTrace("emergency", "screen-cauda-equina-signs")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_start_yesterday_that_was_not_sudden_still_needs_a_doctor_soon_and_the_summary_shows_it()
    {
        await StartCheck(bot.NewConversation())
            .Send("no").AssertReplyContains("urine")
            .Send("no").AssertReplyContains("When did")
            .Send("yesterday morning").AssertReplyContains("Did it come on suddenly")
            .Send("not sudden, no").AssertReplyContains("numbness or tingling")
            .Send("no").AssertReplyContains("shoots")
            .Send("no").AssertReplyContains("balance")
            .Send("no").AssertReplyContains("injury")
            .Send("no").AssertReplyContains("getting worse")
            .Send("no")
            .AssertReplyContains("Please see a doctor today")
            .AssertTrace("urgent", "answer-recent-onset")
            .AssertReplyContains("summary")
            .Send("Show my summary")
            .AssertReplyContains("Started: 2026-11-22", "Came on suddenly: no", "Advice given: see a doctor today")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_start_the_user_cannot_date_counts_towards_care()
    {
        await StartCheck(bot.NewConversation())
            .Send("no").AssertReplyContains("urine")
            .Send("no").AssertReplyContains("When did")
            .Send("no idea").AssertReplyContains("Did it come on suddenly")
            .Send("no").AssertReplyContains("numbness or tingling")
            .Send("no").AssertReplyContains("shoots")
            .Send("no").AssertReplyContains("balance")
            .Send("no").AssertReplyContains("injury")
            .Send("no").AssertReplyContains("getting worse")
            .Send("no")
            .AssertReplyContains("Please see a doctor today")
            .AssertTrace("urgent", "answer-onset-unknown")
            .AssertReplyContains("summary")
            .Send("Show my summary")
            .AssertReplyContains("Started: not sure")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_stroke_sign_typed_inside_another_question_gives_the_emergency_message()
    {
        await StartCheck(bot.NewConversation())
            .Send("no").AssertReplyContains("urine")
            .Send("no").AssertReplyContains("When did")
            .Send("actually my speech is slurred and my face is drooping")
            .AssertReplyContains("noticed something")
            .AssertReplyContains("Call your local emergency number")
            .AssertTrace("emergency", "stroke-speech", "stroke-face-droop")
            .StartTestAsync();
    }

    [Fact]
    public async Task Asking_about_warning_signs_explains_them_without_raising_an_alarm()
    {
        await bot.Flow(bot.NewConversation())
            .Send("what are the warning signs?")
            .SaysParagraphs(bot.Content.Section("warning-signs").Messages.Select(m => T.Fill(m)))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_vague_feeling_gets_one_question_and_a_yes_leads_to_care()
    {
        await bot.Flow(bot.NewConversation())
            .Send("my foot feels weird")
            .AssertReplyContains("To be safe", "new in the last few weeks")
            .AssertTrace("clarify")
            .Send("yes")
            .AssertReplyContains("noticed something")
            .AssertReplyContains("see a doctor today")
            .AssertTrace("urgent", "new-foot-drop")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_vague_feeling_answered_no_carries_on_where_the_user_was()
    {
        await bot.Flow(bot.NewConversation())
            .Send("my foot feels weird")
            .AssertReplyContains("To be safe")
            .AssertTrace("clarify")
            .Send("no")
            .Says(T[TextKeys.MenuPrompt])
            .StartTestAsync();
    }

    private TestFlow StartCheck(TestAdapter adapter)
        => bot.Flow(adapter)
            .Send("check my symptoms")
            .AssertReplyContains("check your symptoms")
            .AssertReplyContains("face drooping");

    private TestFlow ThroughScreenAndOnset(TestAdapter adapter, string onset)
        => StartCheck(adapter)
            .Send("no").AssertReplyContains("urine")
            .Send("no").AssertReplyContains("When did")
            .Send(onset).AssertReplyContains("numbness or tingling");
}

/// <summary>The emergency number is a deployment setting.</summary>
public sealed class EmergencyNumberSettingTests : IDisposable
{
    private readonly BotApp _app = new(new Dictionary<string, string?> { ["Safety:EmergencyNumber"] = "999" });

    [Fact]
    public async Task A_deployment_that_sets_999_tells_people_to_call_999()
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation("uk"));
        var bot = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Bot.Builder.IBot>(_app.Services);

        await new TestFlow(adapter, bot.OnTurnAsync)
            .Send("my face is drooping")
            .AssertReplyContains("noticed")
            .AssertReply(a => Assert.StartsWith("Call 999 now", ((Microsoft.Bot.Schema.Activity)a).Text))
            .StartTestAsync();
    }

    public void Dispose() => _app.Dispose();
}
