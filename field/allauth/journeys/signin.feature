Feature: Get into my account
  A customer who already has an account (pat@example.com, seeded by setup.sh) signs in.

  Scenario: Sign in to my account
    Given I am a first-time customer on the home page
    When I follow "Sign In"
    And I fill in "Email" with "pat@example.com"
    And I fill in "Password" with "Field-trial-42"
    And I press "Sign In"
    Then I should see "Successfully signed in as pat."

  Scenario: Sign in after mistyping my password
    Given I am a first-time customer on the home page
    When I follow "Sign In"
    And I fill in "Email" with "pat@example.com"
    And I fill in "Password" with "Field-trial-24"
    And I press "Sign In"
    Then I should see "The email address and/or password you specified are not correct."
    When I fill in "Password" with "Field-trial-42"
    And I press "Sign In"
    Then I should see "Successfully signed in as pat."

  Scenario: Reset my forgotten password
    Given I am a first-time customer on the home page
    When I follow "Sign In"
    And I follow "Forgot your password?"
    And I fill in "Email" with "pat@example.com"
    And I press "Reset My Password"
    Then I should see "Enter Password Reset Code"
