Feature: Buy tickets for the concert
  A first-time customer buys tickets for Summer Jazz Night in the seeded shop (bank transfer).

  Scenario: Buy two regular tickets
    Given I am a first-time customer
    When I open "/riverside/jazz/"
    And I fill in "Regular ticket" with "2"
    And I press "Add to cart"
    And I press "Proceed with checkout"
    And I fill in "Email" with "sam@example.com"
    And I press "Continue"
    And I press "Continue"
    And I press "Place binding order"
    Then I should see "Your order has been placed successfully."

  Scenario: Buy a student ticket after mistyping my e-mail
    Given I am a first-time customer
    When I open "/riverside/jazz/"
    And I press "+ Student ticket: Increase quantity"
    And I press "Add to cart"
    And I press "Proceed with checkout"
    And I fill in "Email" with "sam@example"
    And I press "Continue"
    Then I should see "Enter a valid email address."
    When I fill in "Email" with "sam@example.com"
    And I press "Continue"
    And I press "Continue"
    And I press "Place binding order"
    Then I should see "Your order has been placed successfully."
