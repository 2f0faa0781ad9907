namespace AuthingClient;
internal static class Probe { internal static System.Type T => typeof(Contract.IAuthingRevocationApi); }
