package river.cbor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a member the browser build leaves out: J2CL's build strips anything annotated with an
 * annotation of this simple name before it compiles, so the member exists on the JVM only. Used for
 * diagnostics the browser never shows (a CBOR item's diagnostic notation), to keep the code they
 * pull in out of the bundle. Nothing the app decides may depend on a member marked with it.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface GwtIncompatible {}
