Feature: Look after my account
  Signed-up customers (seeded: pat and lee) change their password and add an e-mail address.

  Scenario: Change my password
    Given I am a first-time customer on the home page
    When I follow "Sign In"
    And I fill in "Email" with "lee@example.com"
    And I fill in "Password" with "Field-trial-42"
    And I press "Sign In"
    And I follow "Manage Account"
    And I follow "Change Password"
    And I fill in "Current Password" with "Field-trial-42"
    And I fill in "New Password" with "Harbour-lights-9"
    And I fill in "New Password (again)" with "Harbour-lights-9"
    And I press "Change Password"
    Then I should see "Password successfully changed."

  Scenario: Add a new e-mail address to my account
    Given I am a first-time customer on the home page
    When I follow "Sign In"
    And I fill in "Email" with "pat@example.com"
    And I fill in "Password" with "Field-trial-42"
    And I press "Sign In"
    And I follow "Manage Account"
    And I fill in "Email" with "pat.new@example.com"
    And I press "Add Email"
    Then I should see "Enter Email Verification Code"
