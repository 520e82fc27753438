using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.DialogLayer;

/// <summary>
/// The persisted dialog stack, kept in ConversationState; index 0 is the active dialog, as in the official package.
/// Below the stack itself every type is known from its declaration, so no type names are stored for it: state stores
/// that name types (MemoryStorage, <c>TypeNameHandling.All</c>) would otherwise repeat them for every dialog and every
/// level of nesting, and write, read, compare and hash them on every turn.
/// </summary>
public sealed class DialogState
{
    [JsonProperty("dialogStack", TypeNameHandling = TypeNameHandling.None, ItemTypeNameHandling = TypeNameHandling.None)]
    public List<DialogInstance> DialogStack { get; set; } = [];
}

/// <summary>One dialog on the stack: its id and its own state, stored as JSON so any storage provider round-trips it.</summary>
public sealed class DialogInstance
{
    [JsonProperty("id")]
    public string Id { get; set; } = string.Empty;

    [JsonProperty("state")]
    public JObject State { get; set; } = [];

    /// <summary>
    /// A component dialog's inner stack. Kept as objects rather than inside <see cref="State"/>, so a turn works on
    /// it in place instead of converting it to and from JSON at every level of nesting.
    /// </summary>
    [JsonProperty("inner", NullValueHandling = NullValueHandling.Ignore, TypeNameHandling = TypeNameHandling.None)]
    public DialogState? Inner { get; set; }

    /// <summary>
    /// The typed state a waterfall is working on during this turn, shared by the steps that run one after another
    /// (NextAsync), so an earlier step's copy never overwrites a later step's changes. Never persisted.
    /// </summary>
    [JsonIgnore]
    internal object? Live { get; set; }

    /// <summary>Reads this dialog's typed state (a fresh one if none was stored).</summary>
    public T GetState<T>()
        where T : class, new()
        => State.ToObject<T>(StateSerializer) ?? new T();

    public void SetState<T>(T value)
        where T : class
        => State = JObject.FromObject(value, StateSerializer);

    internal static readonly JsonSerializer StateSerializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        TypeNameHandling = TypeNameHandling.None,

        // Never fill in a default object in place: a shared default (a static "start" value) would be changed for everyone.
        ObjectCreationHandling = ObjectCreationHandling.Replace,
    });
}
