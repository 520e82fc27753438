namespace FootDrop.Bot.DialogLayer;

/// <summary>
/// The saved dialog stack refers to a dialog or a step that this version of the bot no longer has
/// (typically after an update). The conversation is restarted rather than failing every turn.
/// </summary>
public sealed class DialogStateException(string message) : Exception(message);
