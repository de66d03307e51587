import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * Writes nixmigrate's test stand-in for nixpkgs (and rust-overlay) to the folder given, with the
 * tests' own code, so that the field trial evaluates flakes exactly as the tests do. Run with the
 * jar and generators/target/test-classes on the class path.
 */
public class StandIn {
  public static void main(String[] args) throws Exception {
    Class<?> c = Class.forName("dev.nixmigrate.generators.StandInNixpkgs");
    Method write = c.getDeclaredMethod("write", Path.class);
    write.setAccessible(true);
    write.invoke(null, Path.of(args[0]));
  }
}
