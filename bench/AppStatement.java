import java.lang.reflect.Field;

/**
 * Prints the statement the application sends to record entries, read from its own class in the
 * built jar, so that bench/ingest.sh can run exactly that statement under pgbench.
 *
 * Usage: java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" bench/AppStatement.java CLASS FIELD
 */
public class AppStatement {

    public static void main(String[] args) throws Exception {
        Class<?> owner = Class.forName(args[0], false, AppStatement.class.getClassLoader());
        Field field = owner.getDeclaredField(args[1]);
        field.setAccessible(true);
        System.out.print(field.get(null));
    }
}
