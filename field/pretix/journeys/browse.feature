Feature: Find my way around the ticket shop
  A first-time customer tries what is sold out, changes their mind, and looks for an old order.

  Scenario: Try to get a front row seat
    Given I am a first-time customer
    When I open "/riverside/jazz/"
    Then I should see "SOLD OUT"
    When I press "Add to cart"
    Then I should see "You didn't select any ticket."
    When I press "OK"
    Then I should not see "You didn't select any ticket."

  Scenario: Put tickets in my cart and change my mind
    Given I am a first-time customer
    When I open "/riverside/jazz/"
    And I press "+ Regular ticket: Increase quantity"
    And I press "+ Regular ticket: Increase quantity"
    And I press "+ Student ticket: Increase quantity"
    And I press "Add to cart"
    Then I should see "The products have been successfully added to your cart."
    When I press "Empty cart"
    Then I should see "Your cart is now empty."

  Scenario: Get the link to my order sent again
    Given I am a first-time customer
    When I open "/riverside/jazz/"
    And I follow "Resend order link"
    And I fill in "Email" with "sam@example.com"
    And I press "Send links"
    Then I should see "If there were any orders by this user, they will receive an email with their order codes."
