using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.Tests.Concurrency;

/// <summary>
/// A bot whose every message adds one to a counter in conversation state and one in user state, then replies
/// "count N", saving both states at the end of its turn as FootDropBot does. It pauses between reading and saving, so
/// turns that run together really overlap: without turn safety they would lose updates.
/// </summary>
public sealed class CounterBot(ConversationState conversationState, UserState userState) : ActivityHandler
{
    private readonly IStatePropertyAccessor<Counter> _conversationCounter = conversationState.CreateProperty<Counter>("counter");
    private readonly IStatePropertyAccessor<Counter> _userCounter = userState.CreateProperty<Counter>("messages");

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    public static int CountIn(IActivity reply) => int.Parse(((IMessageActivity)reply).Text["count ".Length..], CultureInfo.InvariantCulture);

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var conversation = await _conversationCounter.GetAsync(turnContext, () => new Counter(), cancellationToken);
        var user = await _userCounter.GetAsync(turnContext, () => new Counter(), cancellationToken);
        await Task.Delay(Random.Shared.Next(1, 5), cancellationToken);
        conversation.Value++;
        user.Value++;
        await turnContext.SendActivityAsync(MessageFactory.Text($"count {conversation.Value}"), cancellationToken);
    }

    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        var conversation = await _conversationCounter.GetAsync(turnContext, () => new Counter(), cancellationToken);
        conversation.Value++;
        return new InvokeResponse { Status = 200, Body = new { count = conversation.Value } };
    }

    public sealed class Counter
    {
        public int Value { get; set; }
    }
}
