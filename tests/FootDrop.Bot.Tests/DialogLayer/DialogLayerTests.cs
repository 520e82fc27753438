using FootDrop.Bot.DialogLayer;
using FootDrop.Content.Text;
using FootDrop.Bot.DialogLayer.Prompts;
using FootDrop.Bot.Recognition;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.DialogLayer;

/// <summary>The dialog layer behaves like Microsoft.Bot.Builder.Dialogs, driven through TestAdapter conversations.</summary>
public sealed class DialogLayerTests
{
    private static readonly TextRecognizers Recognizers = new();

    [Fact]
    public async Task A_waterfall_runs_its_steps_in_order_with_prompts_between()
    {
        await new TestFlow(Adapter(), Harness(new OrderDialog()))
            .Send("hi").AssertReply("Which side?\n\n1. Left\n2. Right")
            .Send("right").AssertReply("How many?")
            .Send("seven").AssertReply("right x 7")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_choice_is_accepted_by_its_number()
    {
        await new TestFlow(Adapter(), Harness(new OrderDialog()))
            .Send("hi").AssertReply("Which side?\n\n1. Left\n2. Right")
            .Send("1").AssertReply("How many?")
            .Send("3").AssertReply("left x 3")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_choice_is_accepted_as_a_card_submit_without_text()
    {
        var submit = new Activity(ActivityTypes.Message) { Value = new JObject { ["choice"] = "right" } };
        await new TestFlow(Adapter(), Harness(new OrderDialog()))
            .Send("hi").AssertReply("Which side?\n\n1. Left\n2. Right")
            .Send(submit).AssertReply("How many?")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_card_submit_whose_choice_is_an_object_gets_the_retry_prompt_instead_of_failing_the_turn()
    {
        var broken = new Activity(ActivityTypes.Message) { Value = new JObject { ["choice"] = new JObject { ["nested"] = "right" } } };
        await new TestFlow(Adapter(), Harness(new OrderDialog()))
            .Send("hi").AssertReply("Which side?\n\n1. Left\n2. Right")
            .Send(broken).AssertReply("Please pick left or right.\n\n1. Left\n2. Right")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_choice_is_accepted_from_a_synonym_inside_a_sentence()
    {
        await new TestFlow(Adapter(), Harness(new OrderDialog()))
            .Send("hi").AssertReply("Which side?\n\n1. Left\n2. Right")
            .Send("it's the one on the left please").AssertReply("How many?")
            .StartTestAsync();
    }

    [Fact]
    public async Task An_unrecognised_answer_gets_the_retry_prompt_then_the_caller_takes_over()
    {
        await new TestFlow(Adapter(), Harness(new OrderDialog()))
            .Send("hi").AssertReply("Which side?\n\n1. Left\n2. Right")
            .Send("banana").AssertReply("Please pick left or right.\n\n1. Left\n2. Right")
            .Send("banana").AssertReply("Please pick left or right.\n\n1. Left\n2. Right")
            .Send("banana").AssertReply("No side given")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_number_prompt_reads_a_scale_answer_as_the_number()
    {
        await new TestFlow(Adapter(), Harness(new OrderDialog()))
            .Send("hi").AssertReply("Which side?\n\n1. Left\n2. Right")
            .Send("left").AssertReply("How many?")
            .Send("7/10").AssertReply("left x 7")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_number_outside_the_range_is_asked_again()
    {
        await new TestFlow(Adapter(), Harness(new OrderDialog()))
            .Send("hi").AssertReply("Which side?\n\n1. Left\n2. Right")
            .Send("left").AssertReply("How many?")
            .Send("11").AssertReply("A number from 0 to 10, please.")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_saved_stack_naming_a_dialog_that_no_longer_exists_is_reported_as_stale_state()
    {
        var state = new DialogState { DialogStack = [new DialogInstance { Id = "removed-in-an-update" }] };
        var set = new DialogSet(new ConversationState(new MemoryStorage()).CreateProperty<DialogState>("d"));
        var turn = new TurnContext(Adapter(), new Activity(ActivityTypes.Message) { Text = "hi", Conversation = new ConversationAccount(id: "c"), ChannelId = "test" });
        var dc = new DialogContext(set, turn, state);

        await Assert.ThrowsAsync<DialogStateException>(() => dc.ContinueDialogAsync());
    }

    [Fact]
    public async Task A_saved_waterfall_position_at_a_removed_step_is_reported_as_stale_state()
    {
        var dialog = new WaterfallDialog<OrderState>("steps", [FirstStepAsync]);
        var instance = new DialogInstance { Id = dialog.Id, State = new JObject { ["step"] = "RemovedStepAsync", ["values"] = new JObject() } };
        var set = new DialogSet(new ConversationState(new MemoryStorage()).CreateProperty<DialogState>("d")).Add(dialog);
        var turn = new TurnContext(Adapter(), new Activity(ActivityTypes.Message) { Text = "hi", Conversation = new ConversationAccount(id: "c"), ChannelId = "test" });
        var dc = new DialogContext(set, turn, new DialogState { DialogStack = [instance] });

        await Assert.ThrowsAsync<DialogStateException>(() => dialog.ResumeDialogAsync(dc, DialogReason.EndCalled, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_component_saved_with_its_inner_stack_inside_its_state_carries_on_at_the_same_prompt_over_turns()
    {
        // How versions before the typed inner stack saved a conversation waiting at the "How many?" prompt.
        var saved = new DialogState
        {
            DialogStack =
            [
                new DialogInstance
                {
                    Id = "order",
                    State = JObject.Parse("""
                        { "dialogs": { "dialogStack": [
                            { "id": "count", "state": { "options": { "prompt": { "type": "message", "text": "How many?" }, "maxAttempts": 3 }, "attempts": 0 } },
                            { "id": "order-steps", "state": { "options": null, "values": { "Side": "left" }, "step": "AskCountStepAsync" } }
                        ] } }
                        """),
                },
            ],
        };
        var conversationState = new ConversationState(new MemoryStorage());
        var accessor = conversationState.CreateProperty<DialogState>("dialogs");
        var set = new DialogSet(accessor).Add(new OrderDialog());

        var seeded = false;
        await new TestFlow(Adapter(), async (turn, cancellationToken) =>
            {
                if (!seeded)
                {
                    await accessor.SetAsync(turn, saved, cancellationToken);
                    seeded = true;
                }

                var dc = await set.CreateContextAsync(turn, cancellationToken);
                await dc.ContinueDialogAsync(cancellationToken);
                await conversationState.SaveChangesAsync(turn, false, cancellationToken);
            })
            .Send("lots").AssertReply("How many?")
            .Send("seven").AssertReply("left x 7")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("yes", YesNo.Yes)]
    [InlineData("Yeah!", YesNo.Yes)]
    [InlineData("yep", YesNo.Yes)]
    [InlineData("a little bit", YesNo.Yes)]
    [InlineData("no", YesNo.No)]
    [InlineData("Nope.", YesNo.No)]
    [InlineData("I do not", YesNo.No)]
    [InlineData("no i dont think so", YesNo.No)]
    [InlineData("not really", YesNo.No)]
    [InlineData("not sure", YesNo.Unsure)]
    [InlineData("I don't know", YesNo.Unsure)]
    [InlineData("what do you mean?", null)]
    public void Yes_and_no_are_recognised_in_their_common_variants(string text, YesNo? expected)
        => Assert.Equal(expected, YesNoAnswers.Recognize(text));

    private static Task<DialogTurnResult> FirstStepAsync(WaterfallStepContext<OrderState> step, CancellationToken cancellationToken)
        => Task.FromResult(Dialog.EndOfTurn);

    private static TestAdapter Adapter() => new(TestAdapter.CreateConversation("dialog-layer"));

    private static BotCallbackHandler Harness(Dialog root)
    {
        var conversationState = new ConversationState(new MemoryStorage());
        var set = new DialogSet(conversationState.CreateProperty<DialogState>("dialogs")).Add(root);
        return async (turn, cancellationToken) =>
        {
            var dc = await set.CreateContextAsync(turn, cancellationToken);
            var result = await dc.ContinueDialogAsync(cancellationToken);
            if (result.Status == DialogTurnStatus.Empty)
            {
                await dc.BeginDialogAsync(root.Id, null, cancellationToken);
            }

            await conversationState.SaveChangesAsync(turn, false, cancellationToken);
        };
    }

    private sealed class OrderState
    {
        public string? Side { get; set; }
    }

    /// <summary>A two-question dialog in the shape of the bot's own: a component holding a waterfall and its prompts.</summary>
    private sealed class OrderDialog : ComponentDialog
    {
        public OrderDialog()
            : base("order")
        {
            AddDialog(new WaterfallDialog<OrderState>("order-steps", [AskSideStepAsync, AskCountStepAsync, ConfirmStepAsync]));
            AddDialog(new ChoicePrompt("side"));
            AddDialog(new NumberPrompt("count", Recognizers, 0, 10));
        }

        private static Task<DialogTurnResult> AskSideStepAsync(WaterfallStepContext<OrderState> step, CancellationToken cancellationToken)
            => step.PromptAsync("side", new PromptOptions
            {
                Prompt = MessageFactory.Text("Which side?"),
                RetryPrompt = MessageFactory.Text("Please pick left or right."),
                Choices = [new Choice("left", "Left"), new Choice("right", "Right")],
            }, cancellationToken);

        private static async Task<DialogTurnResult> AskCountStepAsync(WaterfallStepContext<OrderState> step, CancellationToken cancellationToken)
        {
            if (step.Result is not FoundChoice side)
            {
                await step.Context.SendActivityAsync("No side given", cancellationToken: cancellationToken);
                return await step.EndDialogAsync(null, cancellationToken);
            }

            step.State.Side = side.Value;
            return await step.PromptAsync("count", new PromptOptions
            {
                Prompt = MessageFactory.Text("How many?"),
                RetryPrompt = MessageFactory.Text("A number from 0 to 10, please."),
            }, cancellationToken);
        }

        private static async Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<OrderState> step, CancellationToken cancellationToken)
        {
            await step.Context.SendActivityAsync($"{step.State.Side} x {step.Result}", cancellationToken: cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }
    }
}
