package io.groundgate.kg.profile;

import java.util.List;

/**
 * An object that only carries a number and a unit ({@code ex:price [ ex:amount 12.5 ; ex:currency "EUR" ]}), read as
 * one virtual property: {@code ?s ex:price/ex:amount ?value}.
 *
 * @param valueProperty the property holding the number
 * @param unitProperty the property holding the unit or currency, or null when there is none
 * @param units the units seen, most frequent first
 */
public record ValueNode(String valueProperty, String unitProperty, List<String> units) {

    public ValueNode {
        units = List.copyOf(units);
    }
}
