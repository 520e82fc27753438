using FootDrop.Bot.Conversation;
using FootDrop.Bot.Tests.Infrastructure;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Conversations;

/// <summary>Welcome, the menu and the explanations, as a user meets them.</summary>
public sealed class MenuAndLearnConversationTests(BotFixture bot) : IClassFixture<BotFixture>
{
    private static readonly string[] Menu = ["Learn about foot drop", "Exercises", "Check my symptoms", "My progress", "Exercise reminders", "Help", "Delete my data"];

    private Texts T => bot.Texts;

    [Fact]
    public async Task Joining_gets_the_greeting_the_disclaimer_and_the_menu()
    {
        var adapter = bot.NewConversation();
        var join = adapter.MakeActivity();
        join.Type = ActivityTypes.ConversationUpdate;
        join.MembersAdded = [new ChannelAccount(join.From.Id)];

        await bot.Flow(adapter)
            .Send(join)
            .Says(T[TextKeys.WelcomeGreeting])
            .AssertReplyContains("not a diagnosis", "911", "999", "112", "000")
            .Offers(T[TextKeys.MenuPrompt], Menu)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("Learn about foot drop", TextKeys.LearnPick)]
    [InlineData("Exercises", TextKeys.ExercisePick)]
    [InlineData("Delete my data", TextKeys.DeleteDataConfirm)]
    [InlineData("My progress", TextKeys.ProgressNone)]
    [InlineData("Exercise reminders", TextKeys.ReminderListNone)]
    [InlineData("Help", TextKeys.Help)]
    public async Task Each_menu_choice_leads_to_its_place(string choice, string expectedKey)
    {
        await bot.Flow(bot.NewConversation())
            .Send(choice)
            .Says(T[expectedKey])
            .StartTestAsync();
    }

    [Fact]
    public async Task Check_my_symptoms_starts_the_symptom_check()
    {
        await bot.Flow(bot.NewConversation())
            .Send("Check my symptoms")
            .AssertReplyContains("check your symptoms")
            .AssertReplyContains("face drooping")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_card_submit_without_text_picks_a_menu_choice()
    {
        var adapter = bot.NewConversation();
        var submit = adapter.MakeActivity();
        submit.Text = null;
        submit.Value = new JObject { ["choice"] = "exercises" };

        await bot.Flow(adapter)
            .Send(submit)
            .Says(T[TextKeys.ExercisePick])
            .StartTestAsync();
    }

    [Theory]
    [InlineData("what-is-foot-drop")]
    [InlineData("causes")]
    [InlineData("temporary-or-permanent")]
    [InlineData("how-exercises-help")]
    [InlineData("afo")]
    [InlineData("warning-signs")]
    public async Task Every_explanation_is_told_in_one_message_of_short_paragraphs_then_offers_more(string sectionId)
    {
        var section = bot.Content.Section(sectionId);
        var offered = section.Next.Select(id => bot.Content.Section(id).Title).Append(T[TextKeys.ButtonMenu]).ToArray();

        await bot.Flow(bot.NewConversation())
            .Send("Learn about foot drop")
            .Says(T[TextKeys.LearnPick])
            .Send(section.Title)
            .SaysParagraphs(section.Messages.Select(m => T.Fill(m)))
            .Offers(T[TextKeys.LearnMore], offered)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("what causes foot drop", "causes")]
    [InlineData("whats an AFO", "afo")]
    [InlineData("what does foot drop actually mean", "what-is-foot-drop")]
    [InlineData("is it permanent?", "temporary-or-permanent")]
    [InlineData("do I need a brace", "afo")]
    [InlineData("how do exercises help", "how-exercises-help")]
    [InlineData("can a slipped disc cause this", "causes")]
    [InlineData("what are the warning signs?", "warning-signs")]
    [InlineData("tell me about drop foot", "what-is-foot-drop")]
    [InlineData("which muscles do the exercises target", "how-exercises-help")]
    public async Task A_question_in_own_words_gets_the_right_explanation(string question, string sectionId)
    {
        await bot.Flow(bot.NewConversation())
            .Send(question)
            .SaysParagraphs(bot.Content.Section(sectionId).Messages.Select(m => T.Fill(m)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Picking_a_related_topic_explains_it_next()
    {
        var causes = bot.Content.Section("causes");
        var next = bot.Content.Section(causes.Next[0]);

        await bot.Flow(bot.NewConversation())
            .Send("what causes foot drop")
            .SkipReplies(2)
            .Send(next.Title)
            .SaysParagraphs(next.Messages.Select(m => T.Fill(m)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Unknown_input_gets_a_helpful_answer_and_the_menu()
    {
        await bot.Flow(bot.NewConversation())
            .Send("banana pancakes")
            .Says(T[TextKeys.Fallback])
            .Offers(T[TextKeys.MenuPrompt], Menu)
            .StartTestAsync();
    }

    [Theory]
    [InlineData("does a numb groin mean something bad?")]
    [InlineData("Dear Sir, is tingling in the foot a bad sign?")]
    [InlineData("is losing bladder control a bad sign with foot drop?")]
    [InlineData("what does it mean when your leg goes numb?")]
    [InlineData("is a droopy face always a stroke?")]
    public async Task A_question_about_a_warning_sign_gets_the_warning_signs_not_I_did_not_get_that(string question)
    {
        var section = bot.Content.Section(SectionIds.WarningSigns);
        var offered = section.Next.Select(id => bot.Content.Section(id).Title).Append(T[TextKeys.ButtonMenu]).ToArray();

        await bot.Flow(bot.NewConversation())
            .Send(question)
            .Says(T[TextKeys.SignQuestionIntro])
            .SaysParagraphs(section.Messages.Select(m => T.Fill(m)))
            .Offers(T[TextKeys.LearnMore], offered)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_question_about_a_sign_that_names_a_topic_too_gets_the_warning_signs_and_the_topic_as_a_button()
    {
        var section = bot.Content.Section(SectionIds.WarningSigns);

        await bot.Flow(bot.NewConversation())
            .Send("can a slipped disc cause numbness?")
            .Says(T[TextKeys.SignQuestionIntro])
            .SaysParagraphs(section.Messages.Select(m => T.Fill(m)))
            .Offers(T[TextKeys.LearnMore], [bot.Content.Section("what-is-foot-drop").Title, bot.Content.Section("causes").Title, T[TextKeys.ButtonMenu]])
            .StartTestAsync();
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("Hello!")]
    [InlineData("good morning")]
    public async Task A_greeting_is_greeted_back_with_the_menu_not_told_it_was_not_understood(string greeting)
    {
        await bot.Flow(bot.NewConversation())
            .Send(greeting)
            .Says(T[TextKeys.GreetingReply])
            .Offers(T[TextKeys.MenuPrompt], Menu)
            .StartTestAsync();
    }

    [Fact]
    public async Task A_greeting_followed_by_a_question_is_answered_as_the_question()
    {
        var causes = bot.Content.Section("causes");
        await bot.Flow(bot.NewConversation())
            .Send("hi, what causes foot drop?")
            .SaysParagraphs(causes.Messages.Select(m => T.Fill(m)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Help_inside_a_prompt_helps_then_asks_the_question_again()
    {
        await bot.Flow(bot.NewConversation())
            .Send("Check my symptoms")
            .SkipReplies(1)
            .AssertReplyContains("face drooping")
            .Send("help")
            .Says(T[TextKeys.Help])
            .AssertReplyContains("face drooping")
            .StartTestAsync();
    }

    [Fact]
    public async Task Menu_inside_a_prompt_leaves_it_for_the_menu()
    {
        await bot.Flow(bot.NewConversation())
            .Send("Check my symptoms")
            .SkipReplies(2)
            .Send("menu")
            .Says(T[TextKeys.CancelDone])
            .Offers(T[TextKeys.MenuPrompt], Menu)
            .StartTestAsync();
    }

    [Fact]
    public async Task Start_over_inside_a_prompt_begins_again_with_the_welcome()
    {
        await bot.Flow(bot.NewConversation())
            .Send("Exercises")
            .SkipReplies(1)
            .Send("start over")
            .Says(T[TextKeys.StartOverDone])
            .Says(T[TextKeys.WelcomeGreeting])
            .StartTestAsync();
    }

    [Fact]
    public async Task In_teams_a_long_list_of_choices_comes_as_adaptive_card_buttons()
    {
        await bot.Flow(bot.NewConversation(Channels.Msteams, "personal"))
            .Send("hello there")
            .Says(T[TextKeys.GreetingReply])
            .AssertReply(activity =>
            {
                var card = Assert.Single(((Activity)activity).Attachments);
                Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
                var content = JObject.FromObject(card.Content);
                Assert.Equal("1.5", content.Value<string>("version"));
                Assert.Equal(Menu, content["actions"]!.Select(a => a.Value<string>("title")).ToArray());
                Assert.Null(((Activity)activity).SuggestedActions);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task On_a_channel_without_buttons_the_choices_are_a_numbered_list_and_a_number_picks_one()
    {
        await bot.Flow(bot.NewConversation("sms"))
            .Send("hello there")
            .Says(T[TextKeys.GreetingReply])
            .AssertReplyContains("1. Learn about foot drop", "2. Exercises", "5. Exercise reminders", "7. Delete my data")
            .Send("2")
            .AssertReplyContains(T[TextKeys.ExercisePick], "1. Calf stretch")
            .StartTestAsync();
    }
}
