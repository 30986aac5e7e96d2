namespace StrategyLayer.Cli;

public static class Program
{
    public static int Main() => 1;
}
